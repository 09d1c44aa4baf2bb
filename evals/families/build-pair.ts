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

/** Turns a family's easy/hard drafts into a contract `Pair` with ids "<family>#<key>" and "<pair id>/<tier>". */
export function buildPair(family: Pick<Family, 'id'>, key: string, drafts: DraftPair, provenance: Provenance = {}): Pair {
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
  return PairSchema.parse({ id, family: family.id, easy: probe('easy'), hard: probe('hard') });
}
