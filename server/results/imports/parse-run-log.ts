import { RunLogSchema } from '../exports/run-log';
import { modelIdOf, slug, type ImportIssue, type ImportRecord } from './import-record';

/** True for a file written by `sawtooth runs log` (checked on its first bytes, so large files are not parsed twice). */
export function isRunLog(text: string): boolean {
  return /^\s*\{\s*"format"\s*:\s*"sawtooth-run-log"/.test(text.slice(0, 200));
}

/**
 * Reads a run log back: each result becomes a record with its probe id, prompt, answer, grader and verdict, so the
 * import joins the stored probes by id (or makes them, when the database has never seen the suite).
 */
export function parseRunLog(text: string, file: string, modelOverride?: string): { records: ImportRecord[]; issues: ImportIssue[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { records: [], issues: [{ file, message: `not valid JSON (${(error as Error).message})` }] };
  }
  const parsed = RunLogSchema.safeParse(json);
  if (!parsed.success) {
    return { records: [], issues: parsed.error.issues.slice(0, 50).map((issue) => ({ file, field: issue.path.join('.') || undefined, message: issue.message })) };
  }
  const log = parsed.data;
  const model = modelIdOf(modelOverride ?? log.model.id);
  const records = log.results.map((r, i): ImportRecord => ({
    path: `results[${i}]`,
    model,
    probeId: r.probe,
    prompt: r.prompt,
    task: slug(r.family.split('.').pop() ?? r.family),
    tier: r.tier,
    response: r.response,
    extracted: r.extracted,
    outcome: r.outcome,
    ...(r.errorKind ? { errorKind: r.errorKind } : {}),
    reason: r.reason,
    answer: r.answer,
    grader: r.grader,
    ...(r.latencyMs !== null ? { latencyMs: r.latencyMs } : {}),
    newProbeId: r.probe,
  }));
  return { records, issues: [] };
}
