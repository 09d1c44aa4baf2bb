import { z } from 'zod';
import { modelIdOf, promptKey, type ImportIssue, type ImportRecord } from './import-record';

/** One EvaluateResult of a promptfoo export (`promptfoo eval -o results.json`): results.results[]. */
const ResultSchema = z
  .object({
    provider: z.union([z.string(), z.object({ id: z.string().optional(), label: z.string().optional() }).loose()]).optional(),
    prompt: z.union([z.string(), z.object({ raw: z.string().optional(), label: z.string().optional() }).loose()]).optional(),
    vars: z.record(z.string(), z.unknown()).optional(),
    response: z.object({ output: z.unknown().optional(), error: z.string().optional() }).loose().nullable().optional(),
    success: z.boolean(),
    error: z.string().nullable().optional(),
    failureReason: z.number().optional(),
    gradingResult: z.object({ pass: z.boolean().optional(), reason: z.string().optional() }).loose().nullable().optional(),
    latencyMs: z.number().optional(),
    testCase: z.object({ description: z.string().optional() }).loose().optional(),
  })
  .loose();

/** promptfoo's failureReason: 2 = the provider errored (no answer), as opposed to 1 = an assertion failed. */
const FAILURE_ERROR = 2;

function outputText(output: unknown): string | null {
  if (output == null) return null;
  return typeof output === 'string' ? output : JSON.stringify(output);
}

/**
 * Reads a promptfoo JSON export: `{results: {results: [...]}}` (v3/v4) or `{results: [...]}`. Each result's model
 * is its provider's label or id (or --model), its verdict `success`, its reason the grading result's reason.
 * Problems are named by the result's index path in the file.
 */
export function parsePromptfoo(text: string, file: string, defaultModel?: string): { records: ImportRecord[]; issues: ImportIssue[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { records: [], issues: [{ file, message: `not valid JSON (${(error as Error).message})` }] };
  }
  const top = (data ?? {}) as Record<string, unknown>;
  const nested = top.results && typeof top.results === 'object' && !Array.isArray(top.results) ? (top.results as Record<string, unknown>).results : undefined;
  const list = Array.isArray(nested) ? nested : Array.isArray(top.results) ? top.results : undefined;
  const base = Array.isArray(nested) ? 'results.results' : 'results';
  if (!list) return { records: [], issues: [{ file, field: 'results.results', message: 'required: a promptfoo export has results.results[]' }] };
  const records: ImportRecord[] = [];
  const issues: ImportIssue[] = [];
  list.forEach((value, i) => {
    const path = `${base}[${i}]`;
    const parsed = ResultSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ file, field: `${path}.${issue.path.join('.')}`, message: issue.message });
      return;
    }
    const r = parsed.data;
    const providerName = typeof r.provider === 'string' ? r.provider : (r.provider?.label ?? r.provider?.id);
    const prompt = typeof r.prompt === 'string' ? r.prompt : r.prompt?.raw;
    const model = defaultModel ?? providerName;
    if (!model) issues.push({ file, field: `${path}.provider`, message: 'required (or give --model / pick a model)' });
    if (!prompt) issues.push({ file, field: `${path}.prompt.raw`, message: 'required' });
    if (!model || !prompt) return;
    const failed = r.failureReason === FAILURE_ERROR || (Boolean(r.error) && r.response?.output == null);
    records.push({
      path,
      model: modelIdOf(model),
      prompt,
      task: 'promptfoo',
      response: outputText(r.response?.output),
      outcome: failed ? 'error' : r.success ? 'pass' : 'fail',
      errorKind: failed ? 'unknown' : undefined,
      reason: (failed ? (r.error ?? r.response?.error) : r.gradingResult?.reason) ?? (r.success ? 'promptfoo: all assertions passed' : 'promptfoo: an assertion failed'),
      latencyMs: r.latencyMs,
      newProbeId: `imported.promptfoo#${promptKey(prompt)}/easy`,
    });
  });
  return { records, issues };
}
