import type { Pair } from '../contracts';
import { buildPair, pairKey } from './build-pair';
import type { FamilyGenerator } from './define-family';
import { deriveSeed, Rng } from './random';

/** How many fresh draws a pair may take before we give up on finding prompts not yet used in the family. */
const MAX_ATTEMPTS = 200;

/**
 * `count` pairs of one family from one seed. Pair i draws from its own stream (seed, index, attempt), so a suite is
 * reproducible from its seeds alone; a draw whose prompt (easy, hard or a twin) repeats an earlier one is redrawn, because a
 * duplicated probe would count twice in every accuracy.
 */
export function generatePairs(family: FamilyGenerator, seed: number, count: number): Pair[] {
  const seen = new Set<string>();
  const pairs: Pair[] = [];
  for (let index = 0; index < count; index++) {
    let attempt = 0;
    for (;;) {
      const drafts = family.generate(new Rng(deriveSeed(family.id, seed, index, attempt)), index);
      const prompts = [drafts.easy, drafts.easyTwin, drafts.hard, drafts.hardTwin].flatMap((d) => (d ? [d.prompt] : []));
      if (prompts.every((prompt) => !seen.has(prompt)) && new Set(prompts).size === prompts.length) {
        for (const prompt of prompts) seen.add(prompt);
        pairs.push(buildPair(family, pairKey(index), drafts, { source: `generator:${family.id}@seed=${seed}` }, 'cheap'));
        break;
      }
      attempt++;
      if (attempt >= MAX_ATTEMPTS)
        throw new Error(`family "${family.id}": no new prompt after ${MAX_ATTEMPTS} draws for pair ${index} (seed ${seed})`);
    }
  }
  return pairs;
}
