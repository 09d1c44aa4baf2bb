import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { GraderSpecSchema, type GraderSpec } from '../../contracts';

/** A grader given as a full spec or just its kind ("numeric"). */
const GraderFieldSchema = z.union([
  GraderSpecSchema,
  z.enum(['numeric', 'yesno', 'exact', 'text', 'set', 'list', 'symbolic']).transform((kind) => ({ kind }) as GraderSpec),
]);

const CaseSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  grader: GraderFieldSchema.optional(),
  response: z.string(),
  answer: z.string().min(1),
  pass: z.boolean(),
  /** What the grader must read, when given (null: nothing readable). */
  extracted: z.string().nullable().optional(),
  /** The start of the grade's reason, when given. */
  reason: z.string().optional(),
});

const CaseFileSchema = z.object({
  grader: GraderFieldSchema.optional(),
  cases: z.array(CaseSchema).min(1),
});

export interface GraderCase extends z.infer<typeof CaseSchema> {
  file: string;
  grader: GraderSpec;
}

const CASE_DIR = new URL('.', import.meta.url);

/** Every case of every `*.yaml` file here, validated, with the file's default grader filled in. */
export function loadCases(): GraderCase[] {
  const files = readdirSync(CASE_DIR).filter((name) => name.endsWith('.yaml')).sort();
  return files.flatMap((file) => {
    const parsed = CaseFileSchema.safeParse(parse(readFileSync(new URL(file, CASE_DIR), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
    }
    return parsed.data.cases.map((item) => {
      const grader = item.grader ?? parsed.data.grader;
      if (!grader) throw new Error(`${file}: case ${item.id} has no grader and the file gives none`);
      return { ...item, grader, file };
    });
  });
}
