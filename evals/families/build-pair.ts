import { PAIR_SLOTS, PairSchema, slotSuffix, type Family, type Pair, type PairSlot, type Probe } from '../contracts';
import type { Draft } from './define-family';
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
  const probe = (slot: PairSlot, tier: Probe['tier'], draft: Draft): Probe => ({
    id: `${id}/${slotSuffix(slot)}`,
    family: family.id,
    tier,
    prompt: draft.prompt,
    answer: draft.answer,
    grader: draft.grader,
    ...(draft.chance !== undefined ? { chance: draft.chance } : {}),
    ...provenance,
  });
  const pair: Pair = { id, family: family.id, easy: probe('easy', 'easy', drafts.easy), hard: probe('hard', 'hard', drafts.hard) };
  for (const { slot, tier } of PAIR_SLOTS) {
    const draft = drafts[slot];
    if (draft && slot !== 'easy' && slot !== 'hard') pair[slot] = probe(slot, tier, draft);
  }
  if (check === 'full') return PairSchema.parse(pair);
  for (const { slot } of PAIR_SLOTS) {
    const made = pair[slot];
    if (!made) continue;
    const { prompt, answer } = made;
    if (prompt.length === 0 || prompt.length > 20_000 || answer.trim().length === 0 || answer.length > 2_000)
      throw new Error(`${made.id}: a generator made an empty or oversized prompt or answer`);
  }
  return pair;
}
