import { consistencyOfScored } from './consistency';
import { dot, scorePairs, sum, type ScoredPairs } from './scored-pairs';
import type { PairTally } from './tally';

/**
 * RCS exactly as ConsisEval's released `analysis.py` computes it (QwenLM/ConsisEval, Yang et al., EMNLP 2024), for
 * comparison with published figures. Same CS, LB = P(easy) and three bounds as `relativeConsistency` (ours), but the
 * upper bound is the smallest bound STRICTLY above CS and below 1, else 1; no check that it exceeds LB. So on ties it
 * differs: easy [1, 0, 0], hard [1, 1, 0] gives CS = UB_sort = ½, and the script moves on to the marginal bounds
 * (⅔): RCS = (½ − ⅓)/(⅔ − ⅓) = 0.5 here, 1.0 in ours. Null when CS is (no hard probe solved) or UB = LB (the script
 * would divide by zero). Pairs with an all-error probe are left out, as everywhere.
 */
export function relativeConsistencyConsisEval(pairs: readonly PairTally[]): number | null {
  return consisEvalRcsOfScored(scorePairs(pairs));
}

export function consisEvalRcsOfScored(scored: ScoredPairs): number | null {
  const cs = consistencyOfScored(scored);
  if (cs === null) return null;
  const n = scored.nPairs;
  const hardSolved = sum(scored.hard);
  const pEasy = sum(scored.easy) / n;
  const pHard = hardSolved / n;
  const sorted = (values: Float64Array) => Float64Array.from(values).sort();
  let easyShift = 0;
  for (const e of scored.easy) easyShift += e * Math.max(e - pEasy + pHard, 0);
  let hardShift = 0;
  for (const h of scored.hard) hardShift += h * Math.min(h + pEasy - pHard, 1);
  const bounds = [hardShift / hardSolved, easyShift / hardSolved, dot(sorted(scored.easy), sorted(scored.hard)) / hardSolved];
  let upper = 1;
  for (const bound of bounds) if (bound > cs && bound < upper) upper = bound;
  if (upper === pEasy) return null;
  return (cs - pEasy) / (upper - pEasy);
}
