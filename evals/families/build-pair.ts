import { PairSchema, type Family, type Pair, type Probe, type Tier } from '../contracts';
import type { DraftPair } from './define-family';

/** Extra probe fields shared by both tiers: where the item comes from and under which licence. */
export interface Provenance {
  source?: string;
  license?: string;
}

/** A pair key is the zero-padded index ("007"), so pair ids sort in generation order. */
export function pairKey(index: number): string {
  return String(index).padStart(3, '0');
}

/**
 * Turns a family's easy/hard drafts into a contract `Pair` with ids "<family>#<key>" and "<pair id>/<tier>".
 * `check: 'full'` validates the result against the Pair contract with zod; `'cheap'` (what suite loading uses for
 * generated pairs, whose shape TypeScript already guarantees and whose every family the tests validate in full)
 * only checks the values a generator could get wrong at run time: zod over every pair was a large part of loading core.
 */
export function buildPair(
  family: Pick<Family, 'id'>,
  key: string,
  drafts: DraftPair,
  provenance: Provenance = {},
  check: 'full' | 'cheap' = 'full',
): Pair {
  const id = `${family.id}#${key}`;
  const probe = (tier: Tier): Probe => ({
    id: `${id}/${tier}`,
    family: family.id,
    tier,
    prompt: drafts[tier].prompt,
    answer: drafts[tier].answer,
    grader: drafts[tier].grader,
    ...provenance,
  });
  const pair = { id, family: family.id, easy: probe('easy'), hard: probe('hard') };
  if (check === 'full') return PairSchema.parse(pair);
  for (const tier of ['easy', 'hard'] as const) {
    const { prompt, answer } = pair[tier];
    if (prompt.length === 0 || prompt.length > 20_000 || answer.trim().length === 0 || answer.length > 2_000)
      throw new Error(`${id}/${tier}: a generator made an empty or oversized prompt or answer`);
  }
  return pair;
}
