import type { SqlRunner } from '../../db/store';
import { familiesById } from '../../db/queries/suite-lookups';
import type { Family } from '../../evals/contracts';
import { SuiteError, type SuiteIssue } from '../../evals/suites';
import { assembleSuite } from '../../evals/suites/assemble-suite';
import { parseJsonlSuite } from '../../evals/suites/parse-jsonl-suite';
import { parseYamlSuite } from '../../evals/suites/parse-yaml-suite';
import type { RawSuite } from '../../evals/suites/raw-suite';
import { appendPairs, type AppendResult } from './append-pairs';
import { parseCsvSuite } from './parse-csv-suite';

export type ProbeFileFormat = 'yaml' | 'jsonl' | 'csv';

export function probeFileFormat(fileName: string): ProbeFileFormat | null {
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  if (/\.jsonl$/i.test(fileName)) return 'jsonl';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return null;
}

function rawOf(format: ProbeFileFormat, text: string, fileName: string): RawSuite {
  if (format === 'csv') return parseCsvSuite(text, fileName);
  return format === 'jsonl' ? parseJsonlSuite(text, fileName) : parseYamlSuite(text, fileName);
}

/** Families the pairs name but the file does not declare, taken from the database (so a file may add to them). */
async function knownFamilies(db: SqlRunner, raw: RawSuite): Promise<Family[]> {
  const declared = new Set(raw.families.map((f) => (f && typeof f === 'object' && 'id' in f ? String((f as { id: unknown }).id) : '')));
  const named = new Set(raw.pairs.map((p) => (p && typeof p === 'object' && 'family' in p ? String((p as { family: unknown }).family) : '')));
  const wanted = [...named].filter((id) => id && !declared.has(id));
  if (wanted.length === 0) return [];
  return familiesById(db, wanted);
}

/**
 * Imports a probe file (YAML, JSONL or CSV) uploaded from the dashboard into a user suite. The whole file is
 * validated first, with the same rules as suite files; any problem (each with line and field) means nothing is
 * written. An uploaded file may not include other files (`items:`): it must not read paths on the server.
 */
export async function importProbeFile(
  db: SqlRunner,
  target: { id: string; title?: string },
  fileName: string,
  text: string,
): Promise<AppendResult> {
  const format = probeFileFormat(fileName);
  if (!format) return { ok: false, issues: [{ file: fileName, message: 'unknown file type: use .yaml, .yml, .jsonl or .csv' }] };
  let raw: RawSuite;
  let suite;
  try {
    raw = rawOf(format, text, fileName);
  } catch (error) {
    if (error instanceof SuiteError) return { ok: false, issues: error.issues.length > 0 ? error.issues : [{ file: fileName, message: error.message }] };
    throw error;
  }
  raw = { ...raw, families: [...raw.families, ...(await knownFamilies(db, raw))] };
  try {
    suite = assembleSuite(raw, () => {
      throw new SuiteError([{ file: fileName, field: 'items', message: 'an uploaded file cannot include other files: paste their pairs in' }]);
    });
  } catch (error) {
    if (error instanceof SuiteError) return { ok: false, issues: error.issues.length > 0 ? error.issues : [{ file: fileName, message: error.message }] };
    throw error;
  }
  // Generated pairs (families with a generator) come first in the suite, then the file's own pairs in order.
  const generated = suite.pairs.length - raw.pairs.length;
  const pairs = suite.pairs.map((pair, i) => ({
    pair,
    origin: { file: fileName, ...(i >= generated ? { line: raw.locate(['pairs', i - generated]).line } : {}) },
  }));
  return appendPairs(db, target, suite.families, pairs);
}

export type { SuiteIssue };
