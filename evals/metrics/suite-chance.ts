import type { Pair, Suite } from '../contracts';
import { tierAllWrongChance, tierChance } from '../graders/chance';
import type { PairTally, TierChance } from './tally';

/**
 * The tallies with each pair's tier chances from the suite that defines them (a tier passes only when its probe and
 * contrast twin both pass, so chances multiply: `tierChance`; all wrong likewise: `tierAllWrongChance`). Throws
 * naming the pair when a tally's pair is not in the suite: its numbers would otherwise be computed against the wrong
 * chance.
 */
export function withSuiteChance<T extends PairTally>(tallies: readonly T[], suite: Pick<Suite, 'id' | 'pairs'>): T[] {
  const byId = new Map(suite.pairs.map((pair) => [pair.id, pair]));
  return tallies.map((tally) => {
    const pair = byId.get(tally.pairId);
    if (!pair) throw new Error(`metrics: pair "${tally.pairId}" is not in suite "${suite.id}"`);
    return { ...tally, chance: suitePairChance(pair) };
  });
}

/** A pair's tier chances: all right and all wrong per tier (see TierChance). */
export function suitePairChance(pair: Pair): TierChance {
  return {
    easy: tierChance(pair, 'easy'),
    hard: tierChance(pair, 'hard'),
    easyAllWrong: tierAllWrongChance(pair, 'easy'),
    hardAllWrong: tierAllWrongChance(pair, 'hard'),
  };
}
