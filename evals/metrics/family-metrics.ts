import { baselineOfScored, consistencyOfScored } from './consistency';
import { groupByFamily } from './group-by-family';
import { jaggedPairs } from './jagged-pairs';
import type { BootstrapOptions } from './prng';
import { relativeConsistencyOfScored } from './relative-consistency';
import { scorePairs } from './scored-pairs';
import type { Coverage, PairTally } from './tally';
import { errorSamplesOfTier, lazyBootstrap, tierAccuracyOfScored, type TierAccuracy } from './tier-accuracy';

/** Everything the dashboard shows for one family of one model (metrics.md, "Per family"). */
export interface FamilyMetrics extends Coverage {
  id: string;
  domain: string;
  easy: TierAccuracy;
  hard: TierAccuracy;
  /** CS = Σ p(e)·p(h) / Σ p(h); null when no hard probe was solved. */
  cs: number | null;
  /** INV = 1 − CS. */
  inv: number | null;
  /** 1 − acc_e: the INV expected if easy and hard success were unrelated. */
  baseline: number | null;
  rcs: number | null;
  /** Pairs with p(h) > p(e), input order. */
  jaggedPairIds: string[];
}

/**
 * Per-family metrics in the fixed chart order (domain, then family id). Within a family, a pair with an all-error
 * probe is left out of every number (counted in excludedPairs; its errors in errorSamples), so accuracies, CS, INV and
 * the baseline all rest on the same nPairs pairs. A family whose every pair is excluded still appears, with nulls.
 */
export function familyMetrics(pairs: readonly PairTally[], options?: BootstrapOptions): FamilyMetrics[] {
  return groupByFamily(pairs).map(({ id, domain, pairs: familyPairs }) => {
    const scored = scorePairs(familyPairs);
    const bootstrap = lazyBootstrap(scored, options);
    const cs = consistencyOfScored(scored);
    return {
      id,
      domain,
      easy: tierAccuracyOfScored(scored, 'easy', bootstrap, errorSamplesOfTier(familyPairs, 'easy')),
      hard: tierAccuracyOfScored(scored, 'hard', bootstrap, errorSamplesOfTier(familyPairs, 'hard')),
      cs,
      inv: cs === null ? null : 1 - cs,
      baseline: baselineOfScored(scored),
      rcs: relativeConsistencyOfScored(scored).rcs,
      jaggedPairIds: jaggedPairs(familyPairs).map((pair) => pair.pairId),
      nPairs: scored.nPairs,
      excludedPairs: scored.excludedPairs,
      errorSamples: scored.errorSamples,
    };
  });
}
