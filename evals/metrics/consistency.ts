import { coverageOf, dot, scorePairs, sum, type ScoredPairs } from './scored-pairs';
import type { Coverage, PairTally } from './tally';

/**
 * Consistency score CS = Σ p(e)·p(h) / Σ p(h): P(easy right | hard right) (ConsisEval, arXiv 2406.12809).
 * Null when Σ p(h) = 0 (no hard probe was ever solved, so there is nothing to be consistent with).
 * Pairs with an all-error probe are left out and counted in excludedPairs.
 */
export function consistency(pairs: readonly PairTally[]): { cs: number | null } & Coverage {
  const scored = scorePairs(pairs);
  return { cs: consistencyOfScored(scored), ...coverageOf(scored) };
}

/**
 * Inversion rate INV = 1 − CS = Σ (1 − p(e))·p(h) / Σ p(h): of the hard probes solved, the share whose easy twin
 * was failed. With k = 1 it is n01 / (n11 + n01). Null when CS is. Same exclusions as consistency.
 */
export function inversionRate(pairs: readonly PairTally[]): { inv: number | null } & Coverage {
  const scored = scorePairs(pairs);
  const cs = consistencyOfScored(scored);
  return { inv: cs === null ? null : 1 - cs, ...coverageOf(scored) };
}

/**
 * Independence baseline 1 − acc_e: the INV expected if easy and hard success were unrelated (then E[p(e) | hard
 * solved] = acc_e). Computed on the same used pairs as INV so the two are comparable. Null when no pair is used.
 */
export function independenceBaseline(pairs: readonly PairTally[]): { baseline: number | null } & Coverage {
  const scored = scorePairs(pairs);
  return { baseline: baselineOfScored(scored), ...coverageOf(scored) };
}

export function consistencyOfScored(scored: ScoredPairs): number | null {
  const hardSolved = sum(scored.hard);
  return hardSolved === 0 ? null : dot(scored.easy, scored.hard) / hardSolved;
}

export function baselineOfScored(scored: ScoredPairs): number | null {
  return scored.nPairs === 0 ? null : 1 - sum(scored.easy) / scored.nPairs;
}
