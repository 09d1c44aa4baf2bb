import { z } from 'zod';
import { DomainSchema } from './domain';

export const FamilyIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/, 'a family id is "domain.skill", e.g. "arithmetic.order-of-operations"');

/** One skill. Every family states, in one sentence, why solving its hard probe needs the skill its easy probe tests. */
export const FamilySchema = z.object({
  id: FamilyIdSchema,
  domain: DomainSchema,
  title: z.string().min(1).max(80),
  description: z.string().min(1).max(400),
  pairRule: z.string().min(10).max(300),
});
export type Family = z.infer<typeof FamilySchema>;
