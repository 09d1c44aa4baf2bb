import { percentileInterval, resampledSums } from './bootstrap';
import { byDomainThenId } from './group-by-family';
import { holm } from './holm';
import { matchProbes, type CommonProbe, type LeftOutProbes } from './match-probes';
import { clusteredMcnemar } from './clustered-mcnemar';
import { resolveBootstrap, type BootstrapOptions } from './prng';
import type { PairTally } from './tally';

export type { CommonProbe } from './match-probes';

export type Verdict = 'a better' | 'b better' | 'within noise';

/** A common probe one model passes and the other fails (per-probe majority when k > 1): the disagreement table. */
export interface Disagreement extends CommonProbe {
  passedBy: 'a' | 'b';
}

/** The comparison of A and B on one family (or on everything, for `overall`). */
export interface ComparisonRow {
  /** Probes both models answered (at least one graded sample each) and the pairs they come from. */
  nProbes: number;
  nPairs: number;
  accA: number | null;
  accB: number | null;
  /** Δacc = accB − accA over the common probes; positive means B is better. */
  delta: number | null;
  lo: number | null;
  hi: number | null;
  /**
   * McNemar's test on per-probe majority outcomes, clustered by pair (see comparePairs): b, c discordant probes,
   * discordantPairs the pairs with a nonzero difference, p the pair-level exact p.
   */
  mcnemar: { b: number; c: number; tiedProbes: number; discordantPairs: number; p: number };
  /** Holm-adjusted p across the families; for `overall` the unadjusted p (a single test). */
  pAdjusted: number;
  verdict: Verdict;
  /** Probes present in the input but not answered by both (missing or only errors on one side): left out. */
  leftOut: LeftOutProbes;
}

export interface FamilyComparison extends ComparisonRow {
  id: string;
  domain: string;
}

export interface ModelComparison {
  families: FamilyComparison[];
  overall: ComparisonRow;
  disagreements: Disagreement[];
  alpha: number;
}

/**
 * Compares models A and B on the probes BOTH answered (a probe = one tier of one pair, matched by pairId).
 *
 * - Δacc = accB − accA (B minus A: positive favours B), accuracies being mean p over the common probes.
 * - 95% interval: paired bootstrap resampling PAIRS (both tiers of a pair and both models' results move together,
 *   since they are not independent), ratio Σ(p_B − p_A) / Σ probes, 2,000 draws, fixed seed.
 * - McNemar's test clustered by pair (clusteredMcnemar): b = probes A passes and B fails, c = the reverse, tested at
 *   the pair level (d = c − b per pair, exact sign-flip test), because the two probes of a pair are not independent.
 *   With k > 1 samples a probe counts as passed when p > ½ (per-probe majority) and failed when p < ½; a probe where
 *   either model sits at exactly ½ has no majority and is left out of the test (tiedProbes).
 * - Holm correction across the families that have common probes (the tests actually run); a family without any
 *   gets pAdjusted = 1.
 * - verdict: a difference only when the interval excludes 0 AND the Holm-adjusted p ≤ alpha. The interval gives the
 *   direction and size; the adjusted test keeps twenty families from producing one "difference" by chance (and the
 *   percentile bootstrap runs narrow on a few probes). Otherwise 'within noise', including a family with no common
 *   probe (n 0, Δ null).
 */
export function comparePairs(
  a: readonly PairTally[],
  b: readonly PairTally[],
  options: BootstrapOptions & { alpha?: number } = {},
): ModelComparison {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new Error(`comparePairs: alpha must be in (0, 1), got ${alpha}`);
  const bootstrap = resolveBootstrap(options);
  const { common, leftOutByFamily, domains } = matchProbes(a, b);

  const familyIds = [...domains.keys()]
    .map((id) => ({ id, domain: domains.get(id)! }))
    .sort(byDomainThenId);
  const rows = familyIds.map(({ id, domain }) => ({
    id,
    domain,
    ...compareProbes(
      common.filter((probe) => probe.family === id),
      leftOutByFamily.get(id)!,
      bootstrap,
    ),
  }));
  // Holm over the families where a test was actually run: a family with no common probe is not a hypothesis tested.
  const tested = rows.filter((row) => row.nProbes > 0);
  const adjusted = new Map(holm(tested.map((row) => row.mcnemar.p)).map((p, index) => [tested[index]!.id, p]));
  const families = rows.map((row) => finish(row, adjusted.get(row.id) ?? 1, alpha));

  const leftOutTotal = { onlyA: 0, onlyB: 0, neither: 0 };
  for (const leftOut of leftOutByFamily.values()) {
    leftOutTotal.onlyA += leftOut.onlyA;
    leftOutTotal.onlyB += leftOut.onlyB;
    leftOutTotal.neither += leftOut.neither;
  }
  const overallRow = compareProbes(common, leftOutTotal, bootstrap);
  const overall = finish(overallRow, overallRow.mcnemar.p, alpha);

  const disagreements: Disagreement[] = [];
  for (const probe of common) {
    const passA = majority(probe.pA);
    const passB = majority(probe.pB);
    if (passA === null || passB === null || passA === passB) continue;
    disagreements.push({ ...probe, passedBy: passA ? 'a' : 'b' });
  }
  return { families, overall, disagreements, alpha };
}

type RowWithoutVerdict = Omit<ComparisonRow, 'pAdjusted' | 'verdict'>;

function finish<R extends RowWithoutVerdict>(row: R, pAdjusted: number, alpha: number): R & Pick<ComparisonRow, 'pAdjusted' | 'verdict'> {
  let verdict: Verdict = 'within noise';
  if (row.lo !== null && row.hi !== null && pAdjusted <= alpha) {
    if (row.lo > 0) verdict = 'b better';
    else if (row.hi < 0) verdict = 'a better';
  }
  return { ...row, pAdjusted, verdict };
}

/** true = passed (p > ½), false = failed (p < ½), null = no majority. */
function majority(p: number): boolean | null {
  return p > 0.5 ? true : p < 0.5 ? false : null;
}

function compareProbes(
  probes: CommonProbe[],
  leftOut: LeftOutProbes,
  bootstrap: Required<BootstrapOptions>,
): RowWithoutVerdict {
  let b = 0;
  let c = 0;
  let tiedProbes = 0;
  const pairDifference = new Map<string, number>();
  for (const probe of probes) {
    const passA = majority(probe.pA);
    const passB = majority(probe.pB);
    if (passA === null || passB === null) tiedProbes++;
    else if (passA !== passB) {
      if (passA) b++;
      else c++;
      pairDifference.set(probe.pairId, (pairDifference.get(probe.pairId) ?? 0) + (passB ? 1 : -1));
    }
  }
  const mcnemar = { b, c, tiedProbes, ...clusteredMcnemar([...pairDifference.values()]) };

  // Per pair: Σ (pB − pA) over its common probes, and how many there are (1 or 2).
  const byPair = new Map<string, { difference: number; probes: number }>();
  let totalA = 0;
  let totalB = 0;
  for (const probe of probes) {
    const entry = byPair.get(probe.pairId) ?? { difference: 0, probes: 0 };
    entry.difference += probe.pB - probe.pA;
    entry.probes += 1;
    byPair.set(probe.pairId, entry);
    totalA += probe.pA;
    totalB += probe.pB;
  }
  const nProbes = probes.length;
  const nPairs = byPair.size;
  if (nProbes === 0) {
    return { nProbes, nPairs, accA: null, accB: null, delta: null, lo: null, hi: null, mcnemar, leftOut };
  }
  const differences = Float64Array.from(byPair.values(), (entry) => entry.difference);
  const counts = Float64Array.from(byPair.values(), (entry) => entry.probes);
  const interval = percentileInterval(bootstrapRatio(differences, counts, bootstrap));
  return {
    nProbes,
    nPairs,
    accA: totalA / nProbes,
    accB: totalB / nProbes,
    delta: (totalB - totalA) / nProbes,
    lo: interval?.lo ?? null,
    hi: interval?.hi ?? null,
    mcnemar,
    leftOut,
  };
}

/** Draws of Σ numerator / Σ denominator over pairs resampled with replacement (denominators are ≥ 1). */
function bootstrapRatio(numerator: Float64Array, denominator: Float64Array, options: BootstrapOptions): Float64Array {
  const { sumX, sumY } = resampledSums(numerator, denominator, options);
  const ratios = new Float64Array(sumX.length);
  for (let d = 0; d < ratios.length; d++) ratios[d] = sumX[d]! / sumY[d]!;
  return ratios;
}
