/**
 * Geometry of the x labels of a chart over families (the sawtooth profile, the compare overlay, the offline report):
 * how to rotate, thin and shorten them so that each shown label is legible, none overlaps its neighbour and the
 * first one stays inside the chart. Pure arithmetic, so the dashboard (recharts) and the report (a static SVG
 * written on the server) lay their axes out the same way.
 *
 * Text widths are estimated, not measured (the server has no fonts): a per-character width wider than the average
 * lowercase glyph of the common sans fonts (DejaVu Sans ≈ 0.55 em, Arial ≈ 0.5 em), so an estimate errs towards
 * more room, never towards overlap.
 */

export const LABEL_FONT_PX = 11;
const CHAR_EM = 0.62;
/** Height of a line of label text, and the least distance between two parallel labels. */
const LINE_EM = 1.3;
/** The slant used while there is room for it: reads more easily than vertical text. */
const SLANT_DEG = 35;
const SLANT_MAX_CHARS = 20;
/** Vertical labels are shortened harder: they take height from the chart. */
const VERTICAL_MAX_CHARS = 12;
/** Room between the axis line and the start of a label (recharts' tick line and margin). */
const TICK_GAP_PX = 10;

export interface FamilyLabelLayout {
  /** Rotation of every label in degrees; negative means the text rises to the right and ends at its tick. */
  angle: number;
  /** Every `every`-th family gets a label, starting with the first (1: all). The tooltip names every family. */
  every: number;
  /** A longer label is shortened to this many characters, its last one "…"; the tooltip keeps the full id. */
  maxChars: number;
  /** Height the labels need below the axis line, px. */
  height: number;
  /** How far the first label reaches left of its tick, px: the chart must leave that much room left of it. */
  leftReach: number;
}

/** The skill part of a family id, shown under its point: "arithmetic.fractions" → "fractions". */
export function familyLabel(familyId: string): string {
  const skill = familyId.split('.').slice(1).join('.');
  return skill === '' ? familyId : skill;
}

/** `label`, cut to `maxChars` characters with a trailing "…" when longer. */
export function shortLabel(label: string, maxChars: number): string {
  return label.length <= maxChars ? label : `${label.slice(0, Math.max(1, maxChars - 1))}…`;
}

/** A generous estimate of a label's rendered width, px. */
export function estimateTextWidth(text: string, fontPx = LABEL_FONT_PX): number {
  return text.length * CHAR_EM * fontPx;
}

/** Whether the family at `index` (in chart order) carries a label under `layout`. */
export function isLabelled(index: number, layout: Pick<FamilyLabelLayout, 'every'>): boolean {
  return index % layout.every === 0;
}

/**
 * The label layout for `labels` (one per family, chart order) whose ticks are `spacingPx` apart. Two parallel labels
 * rotated by θ and d apart horizontally are d·sin θ apart perpendicular to their text, so they stay clear of each
 * other when d·sin θ ≥ one line: slanted at 35° while the spacing allows it, otherwise vertical and thinned to every
 * n-th family.
 */
export function familyLabelLayout(spacingPx: number, labels: readonly string[], fontPx = LABEL_FONT_PX): FamilyLabelLayout {
  const line = LINE_EM * fontPx;
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const slanted = spacingPx * Math.sin(rad(SLANT_DEG)) >= line;
  const deg = slanted ? SLANT_DEG : 90;
  const maxChars = slanted ? SLANT_MAX_CHARS : VERTICAL_MAX_CHARS;
  const every = slanted ? 1 : Math.max(1, Math.ceil(line / Math.max(spacingPx, 1e-9)));
  const shown = labels.filter((_, i) => i % every === 0).map((l) => estimateTextWidth(shortLabel(l, maxChars), fontPx));
  const widest = Math.max(0, ...shown);
  const height = Math.ceil(widest * Math.sin(rad(deg)) + line * Math.cos(rad(deg)) + TICK_GAP_PX);
  const first = shown[0] ?? 0;
  // A slanted label runs left from its tick; a vertical one only spreads half a line either side of it.
  const leftReach = Math.ceil(slanted ? first * Math.cos(rad(deg)) + (line / 2) * Math.sin(rad(deg)) : line / 2);
  return { angle: -deg, every, maxChars, height, leftReach };
}

/**
 * The layout of a chart's x axis over families: `labels` one per family, in chart order, on a scale spanning
 * `plotWidth` px. On a `point` scale (the sawtooth line charts) each family has `pointsPerFamily` points (easy, hard),
 * the first at the plot's left edge, and the label sits under the family's first point. On a `band` scale (a bar chart
 * with one group per family) each family owns an equal band and its label sits at the band's centre, half a band in
 * from the edge. `freeLeft` is the room already left of the plot (the y axis); `extraLeft` is what the chart must add
 * to it so the first label fits.
 */
export function familyAxis(opts: { plotWidth: number; freeLeft: number; labels: readonly string[]; pointsPerFamily?: number; scale?: 'point' | 'band'; fontPx?: number }): FamilyLabelLayout & { extraLeft: number } {
  const { freeLeft, labels, scale = 'point' } = opts;
  const pointsPerFamily = opts.pointsPerFamily ?? 1;
  const spacing = (plotWidth: number) =>
    scale === 'band'
      ? Math.max(0, plotWidth) / Math.max(1, labels.length)
      : (pointsPerFamily * Math.max(0, plotWidth)) / Math.max(1, labels.length * pointsPerFamily - 1);
  // Room left of the first tick: the y axis, plus half a band on a band scale.
  const free = (plotWidth: number) => freeLeft + (scale === 'band' ? spacing(plotWidth) / 2 : 0);
  // Making room on the left narrows the plot, which can only thin the labels (never widen them) but on a band scale
  // also narrows the half band in front of the first tick: lay out again until the room asked for stops growing.
  let extra = 0;
  let layout = familyLabelLayout(spacing(opts.plotWidth), labels, opts.fontPx);
  for (let round = 0; round < 4; round++) {
    const needed = Math.max(0, Math.ceil(layout.leftReach - free(opts.plotWidth - extra)));
    if (needed <= extra) break;
    extra = needed;
    layout = familyLabelLayout(spacing(opts.plotWidth - extra), labels, opts.fontPx);
  }
  return { ...layout, extraLeft: extra };
}
