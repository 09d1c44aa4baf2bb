import { z } from 'zod';
import { FamilyIdSchema } from './family';
import { ProbeSchema } from './probe';

/** An easy and a hard probe of one family; the hard one needs the skill the easy one tests. */
export const PairSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9.-]+#[a-z0-9_-]+$/i, 'a pair id is "<family>#<key>", e.g. "arithmetic.fractions#003"'),
    family: FamilyIdSchema,
    easy: ProbeSchema,
    hard: ProbeSchema,
  })
  .superRefine((pair, ctx) => {
    for (const tier of ['easy', 'hard'] as const) {
      const probe = pair[tier];
      if (probe.tier !== tier) ctx.addIssue({ code: 'custom', path: [tier, 'tier'], message: `must be "${tier}"` });
      if (probe.family !== pair.family)
        ctx.addIssue({ code: 'custom', path: [tier, 'family'], message: `must be the pair's family "${pair.family}"` });
      if (probe.id !== `${pair.id}/${tier}`)
        ctx.addIssue({ code: 'custom', path: [tier, 'id'], message: `must be "${pair.id}/${tier}"` });
    }
  });
export type Pair = z.infer<typeof PairSchema>;
