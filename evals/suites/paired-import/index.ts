import { stringify } from 'yaml';
import type { Suite } from '../../contracts';
import { parseSuiteFile } from '..';
import { pairDataset, type DatasetInput, type PairedImportOptions } from './pair-dataset';
import type { SuiteIssue } from '../suite-error';

export { pairDataset, pairKeyOf, PairedImportOptionsSchema, type DatasetInput, type PairedImportOptions, type PairedImport } from './pair-dataset';
export { datasetFormat, readRecords } from './read-records';

/** A paired import that passed every check: the suite file's text (YAML) and the suite it loads as. */
export type PairedSuiteFile = { ok: true; text: string; suite: Suite; warnings: SuiteIssue[] } | { ok: false; issues: SuiteIssue[]; warnings: SuiteIssue[] };

/**
 * Pairs a dataset and writes it as a YAML suite file, then loads that text with the ordinary suite parser, so what
 * is written is exactly what `probes validate` and `eval` accept. `fileName` names the suite file in messages.
 */
export function pairedSuiteFile(input: DatasetInput, options: PairedImportOptions, fileName: string): PairedSuiteFile {
  const paired = pairDataset(input, options);
  if (paired.issues.length > 0) return { ok: false, issues: paired.issues, warnings: paired.warnings };
  const header = `# Sawtooth suite "${String(paired.document.id)}": ${paired.pairs} pairs imported by \`sawtooth probes import\`.\n`;
  const text = header + stringify(paired.document, { lineWidth: 0 });
  const suite = parseSuiteFile(text, /\.ya?ml$/i.test(fileName) ? fileName : `${fileName}.yaml`);
  return { ok: true, text, suite, warnings: paired.warnings };
}
