import { percentileInterval, type ResampledSums } from './bootstrap';
import type { BootstrapOptions } from './prng';
import { coverageOf, dot, scorePairs, sum, type ScoredPairs } from './scored-pairs';
import type { Coverage, PairTally } from './tally';
import { lazyBootstrap } from './tier-accuracy';

/** J with its bootstrap interval. */
export interface InversionIndex extends Coverage {
  j: number | null;
  lo: number | null;
  hi: number | null;
  /** Bootstrap draws in which J was defined (a resample can pick only unsolved hard probes); null when j is. */
  drawsUsed: number | null;
}

/**
 * Jaggedness index J = pooled inversion rate over all used pairs: Σ (1 − p(e))·p(h) / Σ p(h), in [0, 1]. Pooled,
 * not averaged over families, so every solved hard probe weighs the same. 95% percentile interval from resampling
 * pairs (default 2,000 draws, fixed seed). Draws where the resample solved no hard probe have no J and are skipped
 * (drawsUsed says how many remained). Null (interval too) when Σ p(h) = 0. Pairs with an all-error probe are left out
 * (excludedPairs).
 */
export function inversionIndex(pairs: readonly PairTally[], options?: BootstrapOptions): InversionIndex {
  const scored = scorePairs(pairs);
  return inversionOfScored(scored, lazyBootstrap(scored, options));
}

export function inversionOfScored(scored: ScoredPairs, bootstrap: () => ResampledSums): InversionIndex {
  const coverage = coverageOf(scored);
  const hardSolved = sum(scored.hard);
  if (hardSolved === 0) return { ...coverage, j: null, lo: null, hi: null, drawsUsed: null };
  const j = 1 - dot(scored.easy, scored.hard) / hardSolved;
  const { sumY: sumHard, sumXY: sumBoth } = bootstrap();
  const draws = new Float64Array(sumHard.length);
  for (let d = 0; d < draws.length; d++) draws[d] = sumHard[d] === 0 ? NaN : 1 - sumBoth[d]! / sumHard[d]!;
  const interval = percentileInterval(draws);
  return { ...coverage, j, lo: interval?.lo ?? null, hi: interval?.hi ?? null, drawsUsed: interval?.drawsUsed ?? 0 };
}
