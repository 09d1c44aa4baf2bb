import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Store } from '../../../db/store';
import type { ImportIssue, ImportRecord } from './import-record';
import { modelIdOf } from './import-record';
import { parseGenericJsonl } from './parse-generic-jsonl';
import { parseLmEval } from './parse-lm-eval';
import { parsePromptfoo } from './parse-promptfoo';
import { isRunLog, parseRunLog } from './parse-run-log';
import { warmDefaultProfile } from '../../explore/warm-profile';
import { writeImport, type ImportSummary } from './write-import';

export const RESULT_FORMATS = ['jsonl', 'lm-eval', 'promptfoo', 'run-log'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

/** The format a file most likely has: samples_*.jsonl is lm-eval, a .json file promptfoo, other .jsonl generic. */
export function detectResultFormat(fileName: string, text: string): ResultFormat {
  const base = path.basename(fileName);
  if (/^samples_.*\.jsonl$/i.test(base)) return 'lm-eval';
  if (isRunLog(text)) return 'run-log';
  if (/\.json$/i.test(base)) return 'promptfoo';
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return /"doc_id"\s*:/.test(first) && /"(filtered_)?resps"\s*:/.test(first) ? 'lm-eval' : 'jsonl';
}

/** The 1-based line of a character offset, or null for -1. */
function lineOf(text: string, offset: number): number | null {
  if (offset < 0) return null;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export type ImportOutcome =
  | { ok: true; format: ResultFormat; summary: ImportSummary; skipped: number }
  | { ok: false; format: ResultFormat; issues: ImportIssue[] };

/**
 * Imports an external results file (generic JSONL, lm-evaluation-harness samples, promptfoo JSON) as runs. Every
 * record is read and checked before anything is written; then one transaction writes it all.
 */
export async function importResults(
  store: Store,
  raw: { fileName: string; text: string; format?: ResultFormat; modelId?: string },
): Promise<ImportOutcome> {
  // Editors on Windows start UTF-8 files with a byte-order mark: it is not content.
  const input = { ...raw, text: raw.text.startsWith('\uFEFF') ? raw.text.slice(1) : raw.text };
  const format = input.format ?? detectResultFormat(input.fileName, input.text);
  const undecodable = lineOf(input.text, input.text.indexOf('\uFFFD'));
  if (undecodable !== null) {
    return { ok: false, format, issues: [{ file: input.fileName, line: undecodable, message: 'not valid UTF-8 (a byte sequence could not be decoded and became U+FFFD): save the file as UTF-8 and import it again' }] };
  }
  const model = input.modelId ? modelIdOf(input.modelId) : undefined;
  let parsed: { records: ImportRecord[]; issues: ImportIssue[]; skipped?: number };
  if (format === 'lm-eval') {
    if (!model) return { ok: false, format, issues: [{ file: input.fileName, field: 'model', message: 'lm-eval sample logs do not name the model: give --model <id> (or pick one)' }] };
    parsed = parseLmEval(input.text, input.fileName, model);
  } else if (format === 'run-log') {
    parsed = parseRunLog(input.text, input.fileName, model);
  } else if (format === 'promptfoo') {
    parsed = parsePromptfoo(input.text, input.fileName, model);
  } else {
    parsed = parseGenericJsonl(input.text, input.fileName, model);
  }
  if (parsed.issues.length > 0) return { ok: false, format, issues: parsed.issues };
  const contentKey = `${format}:${createHash('sha256').update(input.text).digest('hex')}`;
  const written = await writeImport(store, input.fileName, contentKey, parsed.records);
  // Imported runs are completed on arrival: build their profiles now (after the commit) rather than on the first page.
  if (written.ok) for (const run of written.summary.runs) await warmDefaultProfile(store, run.runId);
  return written.ok ? { ok: true, format, summary: written.summary, skipped: parsed.skipped ?? 0 } : { ok: false, format, issues: written.issues };
}
