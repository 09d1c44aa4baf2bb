import type { Tier } from '../contracts';
import { passRate, type PairTally } from './tally';

/** A probe both models answered, with each model's pass rate. */
export interface CommonProbe {
  pairId: string;
  family: string;
  domain: string;
  tier: Tier;
  pA: number;
  pB: number;
}

/** Probes present in the input but not answered by both models (missing, or only errors, on a side). */
export interface LeftOutProbes {
  onlyA: number;
  onlyB: number;
  neither: number;
}

/** Joins A's and B's tallies by pairId and tier; counts every probe not answered by both, per family. */
export function matchProbes(
  a: readonly PairTally[],
  b: readonly PairTally[],
): { common: CommonProbe[]; leftOutByFamily: Map<string, LeftOutProbes>; domains: Map<string, string> } {
  const indexA = indexById(a, 'a');
  const indexB = indexById(b, 'b');
  const common: CommonProbe[] = [];
  const leftOutByFamily = new Map<string, LeftOutProbes>();
  const domains = new Map<string, string>();
  for (const pairId of new Set([...indexA.keys(), ...indexB.keys()])) {
    const pairA = indexA.get(pairId);
    const pairB = indexB.get(pairId);
    const reference = (pairA ?? pairB)!;
    if (pairA && pairB && (pairA.family !== pairB.family || pairA.domain !== pairB.domain)) {
      throw new Error(
        `comparePairs: pair "${pairId}" is in family ${pairA.domain}/${pairA.family} for A but ${pairB.domain}/${pairB.family} for B`,
      );
    }
    const knownDomain = domains.get(reference.family);
    if (knownDomain !== undefined && knownDomain !== reference.domain) {
      throw new Error(`comparePairs: family "${reference.family}" appears in domains "${knownDomain}" and "${reference.domain}"`);
    }
    domains.set(reference.family, reference.domain);
    let leftOut = leftOutByFamily.get(reference.family);
    if (!leftOut) leftOutByFamily.set(reference.family, (leftOut = { onlyA: 0, onlyB: 0, neither: 0 }));
    for (const tier of ['easy', 'hard'] as const) {
      const pA = pairA ? passRate(pairA[tier]) : null;
      const pB = pairB ? passRate(pairB[tier]) : null;
      if (pA !== null && pB !== null) {
        common.push({ pairId, family: reference.family, domain: reference.domain, tier, pA, pB });
      } else if (pA !== null) leftOut.onlyA++;
      else if (pB !== null) leftOut.onlyB++;
      else leftOut.neither++;
    }
  }
  return { common, leftOutByFamily, domains };
}

function indexById(pairs: readonly PairTally[], side: 'a' | 'b'): Map<string, PairTally> {
  const index = new Map<string, PairTally>();
  for (const pair of pairs) {
    if (index.has(pair.pairId)) throw new Error(`comparePairs: pair "${pair.pairId}" appears twice in model ${side.toUpperCase()}'s input`);
    index.set(pair.pairId, pair);
  }
  return index;
}
