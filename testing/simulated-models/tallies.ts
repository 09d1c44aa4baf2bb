import type { Pair, Suite } from '../../evals/contracts';
import { suitePairChance, type PairTally, type ProbeTally, type TierChance } from '../../evals/metrics';
import { tiersOf, type AnswerSheet } from './models';

const chanceCache = new WeakMap<Pair, TierChance>();
function chanceOfPair(pair: Pair): TierChance {
  let chance = chanceCache.get(pair);
  if (!chance) chanceCache.set(pair, (chance = suitePairChance(pair)));
  return chance;
}

/**
 * The k = 1 tallies an answer sheet produces: per pair and tier one sample, a pass when every probe of the tier
 * (probe and contrast twin) is right, else a fail, marked `partial` when some probe of the tier is right (see
 * ProbeTally); tier chances (all right, all wrong) from the suite. What a run of the sheet stores once the stored
 * tallies carry `partial`.
 */
export function sheetTallies(suite: Pick<Suite, 'families' | 'pairs'>, sheet: AnswerSheet): PairTally[] {
  const domainOf = new Map(suite.families.map((family) => [family.id, family.domain]));
  return suite.pairs.map((pair) => {
    const tiers = tiersOf(pair);
    const sample = (probes: typeof tiers.easy): ProbeTally => {
      const right = probes.filter((probe) => sheet.right.get(probe.id) === true).length;
      if (right === probes.length) return { pass: 1, fail: 0, error: 0 };
      return right === 0 ? { pass: 0, fail: 1, error: 0 } : { pass: 0, fail: 1, error: 0, partial: 1 };
    };
    return {
      pairId: pair.id,
      family: pair.family,
      domain: domainOf.get(pair.family) ?? pair.family.split('.')[0]!,
      easy: sample(tiers.easy),
      hard: sample(tiers.hard),
      chance: chanceOfPair(pair),
    };
  });
}
