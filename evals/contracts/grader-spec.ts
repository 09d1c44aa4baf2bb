import { z } from 'zod';

/**
 * How a probe's answer is checked. One kind per grader file in `evals/graders/`.
 * The expected answer itself lives on the probe (`answer`), always as a string.
 */
export const GraderSpecSchema = z.discriminatedUnion('kind', [
  /** Numbers in any common notation: 42, -7, 1,234, 0.75, 3/4, 75%, 1.2e3, \frac{3}{4}, $12, 5 km. */
  z.object({ kind: z.literal('numeric'), relTol: z.number().nonnegative().max(0.5).optional() }),
  /** Multiple choice: the answer is an option letter (A, B, ...); the model may give the letter or the option text. */
  z.object({ kind: z.literal('choice'), options: z.array(z.string().min(1)).min(2).max(26) }),
  /** Yes / no questions (also true / false). The answer is "yes" or "no". */
  z.object({ kind: z.literal('yesno') }),
  /** Exact string match after trimming (case-sensitive unless caseSensitive is false). */
  z.object({ kind: z.literal('exact'), caseSensitive: z.boolean().optional() }),
  /** Normalised text: case, punctuation, articles and extra spaces ignored. Optional accepted aliases. */
  z.object({ kind: z.literal('text'), aliases: z.array(z.string().min(1)).optional() }),
  /** An unordered set of items, answer written comma-separated. */
  z.object({ kind: z.literal('set') }),
  /** An ordered list of items, answer written comma-separated. */
  z.object({ kind: z.literal('list') }),
  /** A mathematical expression, equal up to symbolic equivalence (e.g. 2x+2 == 2(x+1)). */
  z.object({ kind: z.literal('symbolic'), variables: z.array(z.string().regex(/^[a-z]$/i)).optional() }),
]);
export type GraderSpec = z.infer<typeof GraderSpecSchema>;
export type GraderKind = GraderSpec['kind'];

/** A grader's verdict. `extracted` is what was read out of the response (null when nothing could be). */
export const GradeSchema = z.object({
  pass: z.boolean(),
  extracted: z.string().nullable(),
  reason: z.string().min(1),
});
export type Grade = z.infer<typeof GradeSchema>;
