import { baselineOfScored, consistencyOfScored } from './consistency';
import { groupByFamily } from './group-by-family';
import { jaggedPairs } from './jagged-pairs';
import type { BootstrapOptions } from './prng';
import { relativeConsistencyOfScored } from './relative-consistency';
import { scorePairs } from './scored-pairs';
import { consisEvalRcsOfScored } from './relative-consistency-consiseval';
import { chanceOf, refusalsOf, type Coverage, type PairTally } from './tally';
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
  /** RCS, our definition (a bound equal to CS counts; see relative-consistency.ts). */
  rcs: number | null;
  /** RCS as ConsisEval's analysis.py computes it (for comparison with published figures). */
  rcsConsisEval: number | null;
  /** Mean guessing chance of each tier over the used pairs; null when none is used. */
  chance: { easy: number | null; hard: number | null };
  /** Refusal samples in the family (both tiers): shown, outside accuracy. */
  refusalSamples: number;
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
      rcsConsisEval: consisEvalRcsOfScored(scored),
      chance: meanChance(scored.pairs),
      refusalSamples: familyPairs.reduce((total, pair) => total + refusalsOf(pair.easy) + refusalsOf(pair.hard), 0),
      jaggedPairIds: jaggedPairs(familyPairs).map((pair) => pair.pairId),
      nPairs: scored.nPairs,
      excludedPairs: scored.excludedPairs,
      errorSamples: scored.errorSamples,
    };
  });
}

/** Mean guessing chance of each tier over the given (used) pairs; nulls when there are none. */
export function meanChance(pairs: readonly PairTally[]): { easy: number | null; hard: number | null } {
  if (pairs.length === 0) return { easy: null, hard: null };
  let easy = 0;
  let hard = 0;
  for (const pair of pairs) {
    easy += chanceOf(pair).easy;
    hard += chanceOf(pair).hard;
  }
  return { easy: easy / pairs.length, hard: hard / pairs.length };
}
