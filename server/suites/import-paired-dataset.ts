import type { SqlRunner } from '../../db/store';
import { SuiteError, type SuiteIssue } from '../../evals/suites';
import { pairedSuiteFile, type DatasetInput, type PairedImportOptions } from '../../evals/suites/paired-import';
import { appendPairs, type AppendResult } from './append-pairs';

/**
 * The dashboard's form of `sawtooth probes import`: a paired easy/hard dataset (two files by key, or one file with
 * both tiers) into a user suite, with the same checks and the same `file:line: field: message` problems. All or
 * nothing: any problem means nothing is written. Warnings (equal answers) come back alongside a success.
 */
export async function importPairedDataset(
  db: SqlRunner,
  target: { id: string; title?: string },
  input: DatasetInput,
  options: Omit<PairedImportOptions, 'suiteId' | 'title'>,
): Promise<AppendResult & { warnings: SuiteIssue[] }> {
  let file;
  try {
    file = pairedSuiteFile(input, { ...options, suiteId: target.id, title: target.title }, `${target.id}.yaml`);
  } catch (error) {
    if (error instanceof SuiteError) return { ok: false, issues: error.issues.length > 0 ? error.issues : [{ file: `${target.id}.yaml`, message: error.message }], warnings: [] };
    throw error;
  }
  if (!file.ok) return { ok: false, issues: file.issues, warnings: file.warnings };
  const origin = 'both' in input ? input.both.name : input.easy.name;
  const result = await appendPairs(db, target, file.suite.families, file.suite.pairs.map((pair) => ({ pair, origin: { file: origin } })));
  return { ...result, warnings: file.warnings };
}
