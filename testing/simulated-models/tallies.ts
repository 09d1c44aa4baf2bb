import type { Pair, Suite } from '../../evals/contracts';
import { tierChance } from '../../evals/graders/chance';
import type { PairTally } from '../../evals/metrics';
import { tiersOf, type AnswerSheet } from './models';

const chanceCache = new WeakMap<Pair, { easy: number; hard: number }>();
function chanceOfPair(pair: Pair): { easy: number; hard: number } {
  let chance = chanceCache.get(pair);
  if (!chance) chanceCache.set(pair, (chance = { easy: tierChance(pair, 'easy'), hard: tierChance(pair, 'hard') }));
  return chance;
}

/**
 * The k = 1 tallies an answer sheet produces: per pair and tier one sample, a pass when every probe of the tier
 * (probe and contrast twin) is right; tier chances from the suite. The same tallies a run of the sheet stores.
 */
export function sheetTallies(suite: Pick<Suite, 'families' | 'pairs'>, sheet: AnswerSheet): PairTally[] {
  const domainOf = new Map(suite.families.map((family) => [family.id, family.domain]));
  return suite.pairs.map((pair) => {
    const tiers = tiersOf(pair);
    const sample = (probes: typeof tiers.easy) => {
      const pass = probes.every((probe) => sheet.right.get(probe.id) === true);
      return { pass: pass ? 1 : 0, fail: pass ? 0 : 1, error: 0 };
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
