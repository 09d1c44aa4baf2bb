import { z } from 'zod';
import { DomainSchema } from './domain';

export const FamilyIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/, 'a family id is "domain.skill", e.g. "arithmetic.order-of-operations"');

/**
 * A publicly reported failure of strong models that a family's easy probes are built on: where it was reported
 * (paper, benchmark or widely shared example) and what failed. Families without one test a skill, not a known trap.
 */
export const ReportedFailureSchema = z.object({
  source: z.string().min(3).max(300),
  note: z.string().min(3).max(400),
});
export type ReportedFailure = z.infer<typeof ReportedFailureSchema>;

/** One skill. Every family states, in one sentence, why solving its hard probe needs the skill its easy probe tests. */
export const FamilySchema = z.object({
  id: FamilyIdSchema,
  domain: DomainSchema,
  title: z.string().min(1).max(80),
  description: z.string().min(1).max(400),
  pairRule: z.string().min(10).max(300),
  reportedFailure: ReportedFailureSchema.optional(),
});
export type Family = z.infer<typeof FamilySchema>;
