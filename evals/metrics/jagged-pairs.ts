import { passRate, type PairTally } from './tally';

/** A pair whose hard probe was solved more often than its easy twin: the evidence behind INV and J. */
export interface JaggedPair {
  pairId: string;
  family: string;
  domain: string;
  pEasy: number;
  pHard: number;
}

/**
 * Pairs with p(h) > p(e), in input order. With k = 1 these are exactly the (easy failed, hard passed) pairs. A pair
 * with an all-error probe has no p for it and cannot be jagged; familyMetrics counts it in excludedPairs.
 */
export function jaggedPairs(pairs: readonly PairTally[]): JaggedPair[] {
  const jagged: JaggedPair[] = [];
  for (const pair of pairs) {
    const pEasy = passRate(pair.easy);
    const pHard = passRate(pair.hard);
    if (pEasy === null || pHard === null || !(pHard > pEasy)) continue;
    jagged.push({ pairId: pair.pairId, family: pair.family, domain: pair.domain, pEasy, pHard });
  }
  return jagged;
}
