import { z } from 'zod';
import { TierSchema } from './domain';
import { FamilyIdSchema } from './family';
import { GraderSpecSchema } from './grader-spec';

/** A probe id is "<pair id>/<tier>", e.g. "arithmetic.order-of-operations#007/hard". */
export const ProbeIdSchema = z.string().regex(/^[a-z0-9.#/_-]+$/i).min(3).max(200);

export const ProbeSchema = z.object({
  id: ProbeIdSchema,
  family: FamilyIdSchema,
  tier: TierSchema,
  prompt: z.string().min(1).max(20_000),
  answer: z.string().min(1).max(2_000),
  grader: GraderSpecSchema,
  /** Where a hand-written item comes from and under which licence (generated items: the generator). */
  source: z.string().min(1).max(200).optional(),
  license: z.string().min(1).max(100).optional(),
  /**
   * Probability of passing by guessing (yes/no ½, choice 1/n, open answers ≈ 0). When absent it is derived from the
   * grader spec (`probeChance` in `evals/graders/chance.ts`); set it when a prompt offers fewer options than the grader.
   */
  chance: z.number().min(0).max(1).optional(),
  /**
   * Fields of the source record that Sawtooth does not use (e.g. a dataset's "level" or "solution"), kept so that
   * an imported dataset loses nothing. Never read by graders or metrics.
   */
  meta: z.record(z.string(), z.json()).optional(),
});
export type Probe = z.infer<typeof ProbeSchema>;
