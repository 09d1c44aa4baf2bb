import { z } from 'zod';
import { FamilySchema } from './family';
import { PairSchema } from './pair';

export const SuiteIdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a suite id is lower-case letters, digits and dashes');

/** A resolved suite: every family and pair, and a version that is the hash of that content. */
export const SuiteSchema = z.object({
  id: SuiteIdSchema,
  title: z.string().min(1),
  description: z.string().default(''),
  /** sha256 (hex, first 16 chars) of the canonical JSON of families and pairs: same content, same version. */
  version: z.string().regex(/^[0-9a-f]{16}$/),
  families: z.array(FamilySchema).min(1),
  pairs: z.array(PairSchema).min(1),
});
export type Suite = z.infer<typeof SuiteSchema>;
