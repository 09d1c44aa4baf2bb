import { z } from 'zod';
import { FamilyIdSchema, FamilySchema, GraderSpecSchema, ProbeSchema, SuiteIdSchema, TierSchema } from '../contracts';

/**
 * The shapes a suite file may contain (YAML or JSONL). They are laxer than the contracts where a person writes the
 * file by hand (ids, tiers and probe families are derived; `grader: numeric` abbreviates `grader: {kind: numeric}`;
 * a numeric answer is read as its text) and strict about unknown fields, so that a typo is an error, not a silence.
 */

export const SuiteHeaderSchema = z.strictObject({
  id: SuiteIdSchema.optional(),
  title: z.string().min(1).optional(),
  description: z.string().optional(),
  /**
   * A prompt template for the pairs listed in this file: "{prompt}" is replaced by each probe's prompt, so an
   * answer-format instruction is written once (e.g. "{prompt}\n\nGive only the final number.").
   */
  template: z.string().includes('{prompt}', { message: 'a template must contain "{prompt}"' }).optional(),
});

/** A family whose pairs are generated: `{generator: "arithmetic.fractions", seed: 7, count: 20}`. */
export const GeneratorEntrySchema = z.strictObject({
  generator: FamilyIdSchema,
  seed: z.number().int().min(0).max(2 ** 32 - 1),
  count: z.number().int().min(1).max(999),
});
export type GeneratorEntry = z.infer<typeof GeneratorEntrySchema>;

/** Families and pairs taken from another suite file (path relative to this one), optionally the first `count` per family. */
export const ItemsEntrySchema = z.strictObject({
  items: z.string().min(1),
  count: z.number().int().min(1).max(999).optional(),
});
export type ItemsEntry = z.infer<typeof ItemsEntrySchema>;

/** A family written out in full; its pairs are listed under `pairs`. */
export const FamilyEntrySchema = z.strictObject(FamilySchema.shape);

const GraderEntrySchema = z.preprocess((value) => (typeof value === 'string' ? { kind: value } : value), GraderSpecSchema);
const AnswerEntrySchema = z.preprocess((value) => (typeof value === 'number' ? String(value) : value), ProbeSchema.shape.answer);

export const ProbeEntrySchema = z.strictObject({
  prompt: ProbeSchema.shape.prompt,
  answer: AnswerEntrySchema,
  grader: GraderEntrySchema,
  source: ProbeSchema.shape.source,
  license: ProbeSchema.shape.license,
  chance: ProbeSchema.shape.chance,
  meta: ProbeSchema.shape.meta,
  // Derived when absent; when present they must agree with the pair (checked against the Pair contract).
  id: ProbeSchema.shape.id.optional(),
  family: FamilyIdSchema.optional(),
  tier: TierSchema.optional(),
});
export type ProbeEntry = z.infer<typeof ProbeEntrySchema>;

export const PairEntrySchema = z.strictObject({
  /** "<family>#<key>"; or give just `key`; or neither, and the key is the pair's position in its family ("000"…). */
  id: z.string().optional(),
  key: z
    .string()
    .regex(/^[a-z0-9_-]+$/i, 'a pair key is letters, digits, "_" and "-"')
    .optional(),
  family: FamilyIdSchema,
  easy: ProbeEntrySchema,
  hard: ProbeEntrySchema,
  /** Contrast twins (the same question made to flip its answer); ids "<pair>/easy-twin", "<pair>/hard-twin". */
  easyTwin: ProbeEntrySchema.optional(),
  hardTwin: ProbeEntrySchema.optional(),
});
export type PairEntry = z.infer<typeof PairEntrySchema>;
