/** One point of a sparkline: accuracy (0–1, or null for no data) of one tier of one family. */
export interface SparkPoint {
  family: string;
  tier: 'easy' | 'hard';
  acc: number | null;
}

/** One family's tooth: from its easy accuracy (left) to its hard accuracy (right), in SVG coordinates. */
export interface SparkTooth {
  family: string;
  easy: number | null;
  hard: number | null;
  /** The path: a segment easy → hard, or a dot when one tier has no data. */
  d: string;
  /** The hard tier scored above the easy one: the tooth climbs. */
  climbs: boolean;
}

const PAD = 3;
/** A tooth never gets wider than this, so a model evaluated on two families shows two teeth, not two long slopes. */
const MAX_SLOT = 12;
const TOOTH_SHARE = 0.6;

/**
 * A sawtooth profile at thumbnail size, one tooth per family with a gap between families. The full chart joins every
 * family's hard point to the next family's easy point; at 2 px per point that join drew the same dense scribble for
 * every model, so here each family stands alone and its height and slope are what tells models apart. Families
 * without data take no room (a model evaluated on 2 of 28 families shows its 2 teeth, not 2 specks); the accuracy
 * scale stays 0–100% for every row, so levels compare down the column.
 */
export function sparkTeeth(points: readonly SparkPoint[], width: number, height: number): SparkTooth[] {
  const families = new Map<string, { easy: number | null; hard: number | null }>();
  for (const p of points) {
    const f = families.get(p.family) ?? { easy: null, hard: null };
    f[p.tier] = p.acc;
    families.set(p.family, f);
  }
  const shown = [...families].filter(([, f]) => f.easy !== null || f.hard !== null);
  const slot = Math.min(MAX_SLOT, (width - 2 * PAD) / Math.max(1, shown.length));
  const y = (acc: number) => PAD + (1 - acc) * (height - 2 * PAD);
  return shown.map(([family, { easy, hard }], i) => {
    const x0 = PAD + i * slot + (slot * (1 - TOOTH_SHARE)) / 2;
    const x1 = x0 + slot * TOOTH_SHARE;
    const at = (x: number, acc: number) => `${x.toFixed(1)} ${y(acc).toFixed(1)}`;
    const d = easy !== null && hard !== null ? `M${at(x0, easy)}L${at(x1, hard)}` : easy !== null ? `M${at(x0, easy)}h0.1` : `M${at(x1, hard!)}h0.1`;
    return { family, easy, hard, d, climbs: easy !== null && hard !== null && hard > easy };
  });
}

/** The 50% line of a sparkline of this height (a reference level for the eye). */
export function sparkMidline(height: number): number {
  return PAD + 0.5 * (height - 2 * PAD);
}
