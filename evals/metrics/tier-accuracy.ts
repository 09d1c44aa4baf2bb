import type { Tier } from '../contracts';
import { percentileInterval, resampledSums, type ResampledSums } from './bootstrap';
import type { BootstrapOptions } from './prng';
import { scorePairs, sum, type ScoredPairs } from './scored-pairs';
import type { PairTally } from './tally';
import { wilson, type ProportionInterval } from './wilson';

/** Accuracy of one tier over a set of pairs, with its interval and everything it rests on. */
export interface TierAccuracy extends ProportionInterval {
  /** n = probes of this tier used (one per used pair). */
  n: number;
  /** Graded (pass + fail) samples behind those n probes. */
  samples: number;
  /** Error samples of this tier in all the pairs given, used or excluded. */
  errorSamples: number;
  /** Pairs left out because either probe has no graded sample (see scorePairs). */
  excludedPairs: number;
  /** 'wilson' when every used probe has exactly one graded sample, else 'bootstrap' (over pairs); null when n = 0. */
  method: 'wilson' | 'bootstrap' | null;
}

/**
 * acc(tier) = mean over the used pairs of p(probe of that tier); pass one family's pairs for acc_e(f) / acc_h(f), all
 * pairs for the model's overall accuracy. A pair whose easy OR hard probe has only errors is left out (and counted in
 * excludedPairs) so easy and hard accuracy always rest on the same pairs.
 *
 * Interval: Wilson 95% when every probe has k = 1 graded sample (the count of passes is then a sum of independent
 * Bernoullis; when probes differ in difficulty its variance is below the binomial's, so Wilson errs wide). With k > 1 the
 * p's are fractions and probes differ in difficulty, so a binomial over samples would be too narrow: we resample
 * pairs (the independent units) instead, 2,000 draws, fixed seed, 95% percentile interval. That bootstrap reflects
 * between-pair and within-probe variation; with only a handful of pairs it is too narrow, as percentile bootstraps are.
 */
export function tierAccuracy(pairs: readonly PairTally[], tier: Tier, options?: BootstrapOptions): TierAccuracy {
  const scored = scorePairs(pairs);
  return tierAccuracyOfScored(scored, tier, lazyBootstrap(scored, options), errorSamplesOfTier(pairs, tier));
}

/** Shared with familyMetrics / modelSummary so they reuse one resampling for both tiers (same seed, same numbers). */
export function tierAccuracyOfScored(
  scored: ScoredPairs,
  tier: Tier,
  bootstrap: () => ResampledSums,
  errorSamples: number,
): TierAccuracy {
  const rates = tier === 'easy' ? scored.easy : scored.hard;
  const n = rates.length;
  let samples = 0;
  let passes = 0;
  for (const pair of scored.pairs) {
    samples += pair[tier].pass + pair[tier].fail;
    passes += pair[tier].pass;
  }
  const base = { n, samples, errorSamples, excludedPairs: scored.excludedPairs };
  if (n === 0) return { ...base, acc: null, lo: null, hi: null, method: null };
  if (scored.singleSample[tier]) {
    const { acc, lo, hi } = wilson(passes, n);
    return { ...base, acc, lo, hi, method: 'wilson' };
  }
  const draws = bootstrap();
  const sums = tier === 'easy' ? draws.sumX : draws.sumY;
  const means = new Float64Array(sums.length);
  for (let d = 0; d < sums.length; d++) means[d] = sums[d]! / n;
  const interval = percentileInterval(means);
  return { ...base, acc: sum(rates) / n, lo: interval?.lo ?? null, hi: interval?.hi ?? null, method: 'bootstrap' };
}

/** Runs the pairs bootstrap at most once, and only if a statistic asks for it. */
export function lazyBootstrap(scored: ScoredPairs, options?: BootstrapOptions): () => ResampledSums {
  let cached: ResampledSums | undefined;
  return () => (cached ??= resampledSums(scored.easy, scored.hard, options));
}

export function errorSamplesOfTier(pairs: readonly PairTally[], tier: Tier): number {
  let errors = 0;
  for (const pair of pairs) errors += pair[tier].error;
  return errors;
}
