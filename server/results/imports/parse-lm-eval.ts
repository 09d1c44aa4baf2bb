import { z } from 'zod';
import { slug, type ImportIssue, type ImportRecord } from './import-record';
import { eachValidJsonLine } from './json-lines';

/**
 * One line of an lm-evaluation-harness sample log (`samples_<task>_<timestamp>.jsonl`, written with --log_samples):
 * doc_id, doc, target, arguments (the prompt), resps (raw answers), filtered_resps (after the task's filter),
 * filter, metrics (names) and each metric's value at the top level (acc, exact_match, …).
 */
const SampleSchema = z
  .object({
    doc_id: z.number().int().nonnegative(),
    doc: z.unknown().optional(),
    target: z.unknown().optional(),
    arguments: z.unknown().optional(),
    resps: z.unknown().optional(),
    filtered_resps: z.unknown().optional(),
    filter: z.string().optional(),
    metrics: z.array(z.string()).optional(),
  })
  .loose();

const KNOWN_METRICS = ['acc', 'exact_match', 'acc_norm', 'pass@1', 'em', 'correct', 'f1'];

/** The task name from the file name: samples_gsm8k_cot_2024-05-01T10-00-00.123.jsonl → gsm8k_cot. */
export function lmEvalTask(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const m = /^samples_(.+?)_\d{4}-\d{2}-\d{2}T[\d\-:.]+\.jsonl$/i.exec(base) ?? /^samples_(.+?)\.jsonl$/i.exec(base);
  return m?.[1] ?? base.replace(/\.jsonl$/i, '');
}

/** A chat prompt logged as JSON text ([{role, content}, …]) becomes its last user message. */
function promptText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  if (t.startsWith('[{') && t.includes('"role"')) {
    try {
      const messages = JSON.parse(t) as Array<{ role?: string; content?: unknown }>;
      const user = messages.filter((m) => m.role === 'user').pop();
      if (user && typeof user.content === 'string') return user.content;
    } catch {
      // not JSON after all: keep the text
    }
  }
  return value;
}

/** The prompt of a sample: arguments [[context, gen_kwargs], …] (older) or {gen_args_0: {arg_0: context}} (newer). */
function promptOf(args: unknown, doc: unknown): string | undefined {
  if (Array.isArray(args) && Array.isArray(args[0])) return promptText(args[0][0]);
  if (args && typeof args === 'object') {
    const first = (args as Record<string, unknown>).gen_args_0;
    if (first && typeof first === 'object') return promptText((first as Record<string, unknown>).arg_0);
  }
  if (doc && typeof doc === 'object') {
    for (const key of ['question', 'prompt', 'input', 'problem', 'query', 'text']) {
      const v = (doc as Record<string, unknown>)[key];
      if (typeof v === 'string' && v.trim() !== '') return v;
    }
  }
  return undefined;
}

/** Continuation text of choice `i` for loglikelihood tasks (arguments [[context, continuation], …]). */
function continuationOf(args: unknown, i: number): string | undefined {
  if (Array.isArray(args) && Array.isArray(args[i]) && typeof args[i][1] === 'string') return (args[i][1] as string).trim();
  if (args && typeof args === 'object') {
    const entry = (args as Record<string, unknown>)[`gen_args_${i}`];
    if (entry && typeof entry === 'object' && typeof (entry as Record<string, unknown>).arg_1 === 'string') return ((entry as Record<string, unknown>).arg_1 as string).trim();
  }
  return undefined;
}

/** The response text: a generated answer, or for multiple-choice the continuation with the highest log-likelihood. */
function responseOf(sample: z.infer<typeof SampleSchema>): { response: string | null; extracted: string | null } {
  const raw = Array.isArray(sample.resps) ? (Array.isArray(sample.resps[0]) ? sample.resps[0][0] : sample.resps[0]) : undefined;
  const filtered = Array.isArray(sample.filtered_resps) ? sample.filtered_resps[0] : undefined;
  if (typeof raw === 'string' || typeof filtered === 'string') {
    return { response: typeof raw === 'string' ? raw : (filtered as string), extracted: typeof filtered === 'string' ? filtered : null };
  }
  if (Array.isArray(sample.filtered_resps)) {
    const lls = sample.filtered_resps.map((r) => (Array.isArray(r) && typeof r[0] === 'number' ? r[0] : typeof r === 'number' ? r : Number.NaN));
    if (lls.length > 0 && lls.every((x) => Number.isFinite(x))) {
      const best = lls.indexOf(Math.max(...lls));
      const text = continuationOf(sample.arguments, best) ?? `choice ${best}`;
      return { response: text, extracted: String(best) };
    }
  }
  return { response: null, extracted: null };
}

function metricOf(sample: Record<string, unknown>): { name: string; value: number } | undefined {
  const names = [...(Array.isArray(sample.metrics) ? (sample.metrics as string[]) : []), ...KNOWN_METRICS];
  for (const name of names) {
    const v = sample[name];
    if (typeof v === 'number' && Number.isFinite(v)) return { name, value: v };
    if (typeof v === 'boolean') return { name, value: v ? 1 : 0 };
  }
  return undefined;
}

/**
 * Reads an lm-evaluation-harness samples file. A sample passes when its first metric (the `metrics` list, else
 * acc / exact_match / …) is at least 0.5 (those metrics are 0 or 1 per sample). When a task logs several filters
 * per document, the first filter seen is kept and the others are skipped (counted).
 */
export function parseLmEval(text: string, file: string, model: string): { records: ImportRecord[]; issues: ImportIssue[]; skipped: number } {
  const task = lmEvalTask(file);
  const taskSlug = slug(task);
  const records: ImportRecord[] = [];
  const issues: ImportIssue[] = [];
  let filter: string | undefined;
  let skipped = 0;
  eachValidJsonLine(text, file, SampleSchema, issues, (sample, line) => {
    filter ??= sample.filter;
    if (sample.filter !== undefined && sample.filter !== filter) {
      skipped += 1;
      return;
    }
    const prompt = promptOf(sample.arguments, sample.doc);
    const metric = metricOf(sample as Record<string, unknown>);
    const { response, extracted } = responseOf(sample);
    if (!prompt) issues.push({ file, line, field: 'arguments', message: 'no prompt found (arguments, or doc.question / doc.prompt / doc.input)' });
    if (!metric) issues.push({ file, line, field: 'metrics', message: 'no per-sample metric found (e.g. acc or exact_match)' });
    if (!prompt || !metric) return;
    const target = Array.isArray(sample.target) ? sample.target.map(String).join(', ') : sample.target == null ? undefined : String(sample.target);
    records.push({
      line,
      model,
      probeId: `lm-eval.${taskSlug}#${sample.doc_id}`,
      prompt,
      task: taskSlug,
      response,
      extracted,
      outcome: metric.value >= 0.5 ? 'pass' : 'fail',
      reason: `lm-eval ${metric.name} = ${metric.value}${filter ? ` (filter ${filter})` : ''}`,
      answer: target && target.trim() !== '' ? target : undefined,
      newProbeId: `imported.${taskSlug}#${sample.doc_id}/easy`,
    });
  });
  return { records, issues, skipped };
}
