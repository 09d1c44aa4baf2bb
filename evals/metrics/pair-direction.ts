import { partialsOf, type ProbeTally } from './tally';

/**
 * The direction of one pair's discordance: +1 flipped (hard tier right, easy wrong), −1 ordered (easy right, hard
 * wrong), 0 no evidence. A tier sample has three states: pass (every probe of the tier right), outright fail (every
 * probe wrong) and partial (a twinned tier with some right, some wrong). At k = 1 a pair is flipped only when the
 * hard tier passes and the easy one fails outright, ordered only in the mirror case; a partial tier says nothing.
 *
 * Why: a tier passes only when the probe and its twin both pass, so with a twin on one tier only, "not passed" is
 * likelier on the twinned tier whatever the model knows (a coin-flipper passes a twinned tier ¼, a single probe ½),
 * and comparing pass rates alone reads that as a flip. All right and all wrong are equally likely under coin-flipping
 * (½ⁿ each), so this rule is symmetric whatever the twin structure.
 *
 * With k ≥ 2 samples per tier, the same rule on rates: flipped when the hard tier's pass rate is above the easy one's
 * AND the easy tier's outright-fail rate is above the hard one's; ordered in the mirror case (reduces to the above at
 * k = 1). Tallies without `partial` (tiers without a twin, or data paths that do not fill it) compare pass rates only.
 * Both tallies must have at least one graded sample.
 */
export function pairDirection(easy: ProbeTally, hard: ProbeTally): -1 | 0 | 1 {
  return directionOf(easy.pass, easy.fail - partialsOf(easy), easy.pass + easy.fail, hard.pass, hard.fail - partialsOf(hard), hard.pass + hard.fail);
}

/** pairDirection on counts: passes, outright fails and graded samples of each tier (also used by the null bound). */
export function directionOf(easyPass: number, easyAllWrong: number, easyGraded: number, hardPass: number, hardAllWrong: number, hardGraded: number): -1 | 0 | 1 {
  // Cross-multiplied rate comparisons: exact for integers, no rounding at equal rates.
  const passDifference = hardPass * easyGraded - easyPass * hardGraded;
  const allWrongDifference = easyAllWrong * hardGraded - hardAllWrong * easyGraded;
  if (passDifference > 0 && allWrongDifference > 0) return 1;
  if (passDifference < 0 && allWrongDifference < 0) return -1;
  return 0;
}
