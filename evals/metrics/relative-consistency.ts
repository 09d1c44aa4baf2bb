import { consistencyOfScored } from './consistency';
import { coverageOf, dot, scorePairs, sum, type ScoredPairs } from './scored-pairs';
import type { Coverage, PairTally } from './tally';

/** RCS with the bounds it was normalised by, so a page can show where CS sits between them. */
export interface RelativeConsistency extends Coverage {
  rcs: number | null;
  cs: number | null;
  /** LB = P(easy) = acc_e. */
  lb: number | null;
  /** The upper bound used (see relativeConsistency). */
  ub: number | null;
  bounds: { sort: number; easyShift: number; hardShift: number } | null;
}

/**
 * Relative consistency RCS = (CS − LB) / (UB − LB), ConsisEval's bound-normalised consistency (Yang et al., EMNLP
 * 2024, arXiv 2406.12809, and its released analysis script). It asks how much of the room between "easy and hard
 * success unrelated" and "as consistent as these accuracies allow" the model uses.
 *
 * Our reading of the paper's definitions, over the used pairs j = 1..N with P_e = mean p(e), P_h = mean p(h),
 * gap = P_e − P_h:
 * - LB = P_e: the CS of a model whose easy and hard success are independent (E[p(e) | hard solved] = P_e).
 * - UB_sort = Σ sort(p_e)_j · sort(p_h)_j / Σ p_h: the same pass rates re-paired so the easiest-for-the-model easy
 *   probes sit with the most-solved hard ones; by the rearrangement inequality no re-pairing gives a higher CS.
 * - the two marginal bounds keep ONE tier's per-probe pass rates and derive the other tier's from it, shifted by the
 *   accuracy gap, i.e. the CS of a model whose hard probe is exactly its easy probe made `gap` harder:
 *     UB_easyShift = Σ p_e · max(p_e − gap, 0) / Σ p_h   (hard rates built from the easy marginal)
 *     UB_hardShift = Σ p_h · min(p_h + gap, 1) / Σ p_h   (easy rates built from the hard marginal)
 *   (The denominator Σ p_h = N·P_h is the paper's; these are expectations, not maxima, so CS may exceed them.)
 * - UB = the smallest of the three bounds that is at least CS and above LB.
 *
 * Two deliberate differences from the released script, both only in tie/degenerate cases: (1) a bound EQUAL to CS
 * counts (the script needs bound > CS, else falls back to 1). UB_sort is a true maximum, so CS = UB_sort means the
 * model is as consistent as its accuracies allow: RCS = 1. With k = 1 this tie is common (every solved easy probe has
 * its hard twin solved too, and fewer easy than hard are solved). (2) a bound must exceed LB: a "bound" between CS
 * and LB would turn a below-independence CS into a positive RCS. UB_sort ≥ CS always and UB_sort ≥ LB (Chebyshev's sum
 * inequality), so UB ≤ UB_sort and a bound exists unless UB_sort = LB. That happens only when all p(e) or all p(h) are
 * equal (e.g. every hard probe solved); CS is then forced to equal LB, the data say nothing about consistency, and
 * RCS is null, even if a marginal bound (an expectation, not a maximum) happens to lie above LB.
 *
 * Range: RCS ≤ 1; 0 means independence; negative means hard success predicts easy FAILURE (jagged), unbounded below.
 * Null when CS is null (Σ p(h) = 0) or as above. Pairs with an all-error probe are left out (excludedPairs).
 */
export function relativeConsistency(pairs: readonly PairTally[]): RelativeConsistency {
  return relativeConsistencyOfScored(scorePairs(pairs));
}

export function relativeConsistencyOfScored(scored: ScoredPairs): RelativeConsistency {
  const coverage = coverageOf(scored);
  const cs = consistencyOfScored(scored);
  if (cs === null) return { ...coverage, rcs: null, cs, lb: null, ub: null, bounds: null };
  const n = scored.nPairs;
  const hardSolved = sum(scored.hard);
  const lb = sum(scored.easy) / n;
  const gap = lb - hardSolved / n;
  const bounds = {
    sort: dot(sortedCopy(scored.easy), sortedCopy(scored.hard)) / hardSolved,
    easyShift: shiftedBound(scored.easy, (pe) => Math.max(pe - gap, 0)) / hardSolved,
    hardShift: shiftedBound(scored.hard, (ph) => Math.min(ph + gap, 1)) / hardSolved,
  };
  if (bounds.sort <= lb + EPS) return { ...coverage, rcs: null, cs, lb, ub: null, bounds };
  const candidates = [bounds.sort, bounds.easyShift, bounds.hardShift].filter((b) => b >= cs - EPS && b > lb + EPS);
  // A bound within EPS below CS is a tie: pin UB to CS so RCS is exactly 1, not 1 + rounding.
  const ub = Math.max(Math.min(...candidates), cs);
  return { ...coverage, rcs: (cs - lb) / (ub - lb), cs, lb, ub, bounds };
}

/** Float noise guard for the tie comparisons above (values are sums of at most a few thousand products in [0, 1]). */
const EPS = 1e-12;

function shiftedBound(rates: Float64Array, partner: (rate: number) => number): number {
  let total = 0;
  for (let i = 0; i < rates.length; i++) total += rates[i]! * partner(rates[i]!);
  return total;
}

function sortedCopy(values: Float64Array): Float64Array {
  return Float64Array.from(values).sort();
}
