import { z } from 'zod';
import { FamilyIdSchema } from './family';
import { GraderSpecSchema } from './grader-spec';
import type { Pair } from './pair';
import { ProbeSchema } from './probe';

const DraftProbeSchema = z.object({ prompt: ProbeSchema.shape.prompt, answer: ProbeSchema.shape.answer });

/**
 * A pair as a person writes it in the dashboard form: the family, both prompts and answers, one grader for both,
 * and optionally its key (the next free key of the family is used when absent). `pairFromDraft` turns it into a
 * Pair, which is then checked against the same PairSchema as pairs read from suite files.
 */
export const PairDraftSchema = z.object({
  family: FamilyIdSchema,
  key: z.string().regex(/^[a-z0-9_-]+$/i, 'a pair key is letters, digits, "_" and "-"').max(40).optional(),
  easy: DraftProbeSchema,
  hard: DraftProbeSchema,
  grader: GraderSpecSchema,
  source: ProbeSchema.shape.source,
});
export type PairDraft = z.infer<typeof PairDraftSchema>;

export function pairFromDraft(draft: PairDraft, key: string): Pair {
  const id = `${draft.family}#${key}`;
  const probe = (tier: 'easy' | 'hard') => ({
    id: `${id}/${tier}`,
    family: draft.family,
    tier,
    prompt: draft[tier].prompt,
    answer: draft[tier].answer,
    grader: draft.grader,
    ...(draft.source ? { source: draft.source } : {}),
  });
  return { id, family: draft.family, easy: probe('easy'), hard: probe('hard') };
}
