import type { SqlRunner } from '../../db/store';
import { modelsWithRunsOn } from '../../db/queries/profile-runs';
import { guttmanOrdering, probeDifficulty, type GuttmanOrdering } from '../../evals/metrics';
import type { ProfilePairTally } from './profile-tallies';
import { storedProfile, type ScopedProfile } from './stored-profile';

type Counts = Map<string, { pass: number; fail: number }>;

/** Graded counts of each tier of each pair ("<pair>/easy", "<pair>/hard"): a tier with its twin is one item. */
function tierCounts(pairs: readonly ProfilePairTally[]): Counts {
  const counts: Counts = new Map();
  for (const pair of pairs) {
    for (const tier of ['easy', 'hard'] as const) {
      const { pass, fail } = pair[tier];
      if (pass + fail > 0) counts.set(`${pair.pairId}/${tier}`, { pass, fail });
    }
  }
  return counts;
}

/**
 * The Guttman ordering of one profile: its tier items easiest first, by their pass rate over every model's default
 * profile on the same suite version (the population), each marked when it breaks the order. A tier counts as passed
 * when most of its graded samples pass. Only models answering the very same suite version form the population.
 */
export async function modelGuttman(db: SqlRunner, scoped: ScopedProfile): Promise<GuttmanOrdering> {
  const population: Counts[] = [];
  for (const modelId of await modelsWithRunsOn(db, scoped.scope.suite.key)) {
    const other = modelId === scoped.scope.modelId ? scoped : await storedProfile(db, { modelId, suiteId: scoped.scope.suite.id });
    if (other && other.scope.suite.key === scoped.scope.suite.key) population.push(tierCounts(other.tallies.pairs));
  }
  const difficulty = probeDifficulty(population);
  const mine = tierCounts(scoped.tallies.pairs);
  return guttmanOrdering(
    [...mine].flatMap(([id, { pass, fail }]) => {
      const d = difficulty.get(id);
      return d === undefined ? [] : [{ id, tier: id.endsWith('/hard') ? ('hard' as const) : ('easy' as const), passed: pass > fail, difficulty: d }];
    }),
  );
}
