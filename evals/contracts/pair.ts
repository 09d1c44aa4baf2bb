import { z } from 'zod';
import { FamilyIdSchema } from './family';
import { ProbeSchema } from './probe';

/**
 * The probe slots of a pair. A twin is a contrast probe: the same question made to flip its answer to the other
 * option, so that a binary or few-option probe counts as passed only when both it and its twin are right (guessing
 * then passes ≤ ¼ instead of ½). Ids: "<pair id>/easy", "<pair id>/easy-twin", "<pair id>/hard", "<pair id>/hard-twin".
 */
export const PAIR_SLOTS = [
  { slot: 'easy', tier: 'easy' },
  { slot: 'easyTwin', tier: 'easy' },
  { slot: 'hard', tier: 'hard' },
  { slot: 'hardTwin', tier: 'hard' },
] as const;
export type PairSlot = (typeof PAIR_SLOTS)[number]['slot'];

/** The id suffix of a slot: "easy", "easy-twin", "hard", "hard-twin". */
export const slotSuffix = (slot: PairSlot): string => slot.replace('Twin', '-twin');

/** An easy and a hard probe of one family; the hard one needs the skill the easy one tests. */
export const PairSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9.-]+#[a-z0-9_-]+$/i, 'a pair id is "<family>#<key>", e.g. "arithmetic.fractions#003"'),
    family: FamilyIdSchema,
    easy: ProbeSchema,
    hard: ProbeSchema,
    /** Contrast twin of the easy probe (its answer is the other option); see PAIR_SLOTS. */
    easyTwin: ProbeSchema.optional(),
    /** Contrast twin of the hard probe, when the hard probe is binary or few-option too. */
    hardTwin: ProbeSchema.optional(),
  })
  .superRefine((pair, ctx) => {
    for (const { slot, tier } of PAIR_SLOTS) {
      const probe = pair[slot];
      if (!probe) continue;
      if (probe.tier !== tier) ctx.addIssue({ code: 'custom', path: [slot, 'tier'], message: `must be "${tier}"` });
      if (probe.family !== pair.family)
        ctx.addIssue({ code: 'custom', path: [slot, 'family'], message: `must be the pair's family "${pair.family}"` });
      const id = `${pair.id}/${slotSuffix(slot)}`;
      if (probe.id !== id) ctx.addIssue({ code: 'custom', path: [slot, 'id'], message: `must be "${id}"` });
    }
  });

/** The probes of a pair in slot order (easy, easy twin, hard, hard twin), skipping absent twins. */
export function pairProbes(pair: Pair): Pair['easy'][] {
  return PAIR_SLOTS.flatMap(({ slot }) => (pair[slot] ? [pair[slot]] : []));
}
export type Pair = z.infer<typeof PairSchema>;
