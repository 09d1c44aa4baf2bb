import { z } from 'zod';
import { ErrorKindSchema, GraderSpecSchema, TierSchema } from '../../../evals/contracts';
import { modelIdOf, promptKey, slug, type ImportIssue, type ImportRecord } from './import-record';
import { eachValidJsonLine } from './json-lines';

const GraderField = z.preprocess((v) => (typeof v === 'string' ? { kind: v } : v), GraderSpecSchema);
const TextField = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1).max(20_000));

/**
 * One line of the generic results JSONL. Extra fields are ignored (tools add their own metadata); the ones below
 * are read. A line needs a model (or --model), a probe id or a prompt, and a verdict: `correct`, or an `answer`
 * to grade the `response` against (or a probe that matches a stored one, whose own answer is used), or an `error`.
 */
export const GenericLineSchema = z.object({
  model: z.string().min(1).max(200).optional(),
  probe: z.string().min(1).max(200).optional(),
  prompt: TextField.optional(),
  response: z.string().max(1_000_000).nullable().optional(),
  correct: z.boolean().optional(),
  answer: TextField.optional(),
  grader: GraderField.optional(),
  task: z.string().min(1).max(100).optional(),
  tier: TierSchema.optional(),
  /** The request failed: no answer. Its text is stored as the reason. */
  error: z.string().min(1).max(2_000).optional(),
  error_kind: ErrorKindSchema.optional(),
  latency_ms: z.number().nonnegative().optional(),
});

/** Reads the generic results JSONL: every line checked, every problem reported as file:line: field: message. */
export function parseGenericJsonl(text: string, file: string, defaultModel?: string): { records: ImportRecord[]; issues: ImportIssue[] } {
  const records: ImportRecord[] = [];
  const issues: ImportIssue[] = [];
  eachValidJsonLine(text, file, GenericLineSchema, issues, (r, line) => {
    const model = r.model ?? defaultModel;
    if (!model) issues.push({ file, line, field: 'model', message: 'required (or give --model / pick a model)' });
    if (!r.probe && !r.prompt) issues.push({ file, line, field: 'prompt', message: 'required: a probe id ("probe") or the prompt text ("prompt")' });
    if (r.correct === undefined && r.error === undefined && r.response == null) issues.push({ file, line, field: 'response', message: 'required unless the line has "error"' });
    if (!model || (!r.probe && !r.prompt) || (r.correct === undefined && r.error === undefined && r.response == null)) return;
    const task = slug(r.task ?? 'jsonl');
    records.push({
      line,
      model: modelIdOf(model),
      probeId: r.probe,
      prompt: r.prompt,
      task,
      tier: r.tier,
      response: r.response ?? null,
      outcome: r.error !== undefined ? 'error' : r.correct === undefined ? undefined : r.correct ? 'pass' : 'fail',
      errorKind: r.error !== undefined ? (r.error_kind ?? 'unknown') : undefined,
      reason: r.error,
      answer: r.answer,
      grader: r.grader,
      latencyMs: r.latency_ms,
      newProbeId: `imported.${task}#${r.probe ? slug(r.probe) : promptKey(r.prompt!)}/${r.tier ?? 'easy'}`,
    });
  });
  return { records, issues };
}
