import { createHash } from 'node:crypto';
import type { ErrorKind, GraderSpec, Outcome, Tier } from '../../../evals/contracts';

/** One problem in an imported file: `file:line: field: message` (line absent for whole-file problems). */
export interface ImportIssue {
  file: string;
  line?: number;
  field?: string;
  message: string;
}

/**
 * One external result, whatever tool wrote it: which model answered which probe (by id, or by its prompt text),
 * what it answered, and either a verdict (outcome) or an answer to grade the response against.
 */
export interface ImportRecord {
  /** Where it came from, for error messages: the file's line (JSONL) or the record's index path (JSON). */
  line?: number;
  path?: string;
  model: string;
  probeId?: string;
  prompt?: string;
  /** Names the family of a probe that matches no stored probe: "imported.<task>". */
  task: string;
  tier?: Tier;
  response: string | null;
  /** What the tool extracted from the response, when it says. */
  extracted?: string | null;
  outcome?: Outcome;
  errorKind?: ErrorKind;
  reason?: string;
  /** The expected answer: used to grade when there is no outcome, and stored on a new probe. */
  answer?: string;
  grader?: GraderSpec;
  latencyMs?: number;
  /** The id to give a new probe when nothing matches, e.g. "imported.gsm8k#17/easy". */
  newProbeId: string;
}

/** "gsm8k_cot" → "gsm8k-cot": a family-id-safe slug (lower-case letters, digits, dashes). */
export function slug(text: string): string {
  const s = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return s === '' ? 'results' : /^[a-z]/.test(s) ? s : `t-${s}`;
}

/** A model id from a tool's model name: "openai:gpt-4o-mini" → "openai-gpt-4o-mini". */
export function modelIdOf(name: string): string {
  const s = name.trim().replace(/[^a-z0-9._-]+/gi, '-').replace(/^[^a-z0-9]+/i, '').slice(0, 100);
  return s === '' ? 'imported-model' : s;
}

/** A short stable key for a prompt, so that the same imported prompt always becomes the same new probe id. */
export function promptKey(prompt: string): string {
  return createHash('sha256').update(prompt).digest('hex').slice(0, 10);
}
