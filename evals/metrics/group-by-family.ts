import type { PairTally } from './tally';

/** One family's pairs. */
export interface FamilyGroup {
  id: string;
  domain: string;
  pairs: PairTally[];
}

/**
 * Groups pairs by family in the fixed chart order: domain, then family id (code-point order, so the order never
 * depends on the locale of the machine that renders it). Throws when one family is filed under two domains.
 */
export function groupByFamily(pairs: readonly PairTally[]): FamilyGroup[] {
  const groups = new Map<string, FamilyGroup>();
  for (const pair of pairs) {
    const group = groups.get(pair.family);
    if (!group) {
      groups.set(pair.family, { id: pair.family, domain: pair.domain, pairs: [pair] });
    } else if (group.domain !== pair.domain) {
      throw new Error(
        `metrics: family "${pair.family}" has pairs in two domains ("${group.domain}" and, at pair "${pair.pairId}", "${pair.domain}")`,
      );
    } else {
      group.pairs.push(pair);
    }
  }
  return [...groups.values()].sort(byDomainThenId);
}

export function byDomainThenId(a: { domain: string; id: string }, b: { domain: string; id: string }): number {
  return compareCodePoints(a.domain, b.domain) || compareCodePoints(a.id, b.id);
}

export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
