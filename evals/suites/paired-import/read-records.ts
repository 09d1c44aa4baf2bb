import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { SuiteIssue } from '../suite-error';

/** One record of a dataset file, with the 1-based line it starts on (for `file:line: field: message`). */
export interface SourceRecord {
  line: number;
  values: Record<string, unknown>;
}

export type DatasetFormat = 'csv' | 'jsonl' | 'json' | 'yaml';

export function datasetFormat(fileName: string): DatasetFormat | null {
  if (/\.csv$/i.test(fileName)) return 'csv';
  if (/\.jsonl$/i.test(fileName)) return 'jsonl';
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  return null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readCsv(text: string, file: string, issues: SuiteIssue[]): SourceRecord[] {
  try {
    const rows = parseCsv(text, { columns: true, skip_empty_lines: true, info: true, raw: true, bom: true }) as Array<{
      record: Record<string, string>;
      raw: string;
      info: { lines: number };
    }>;
    // info.lines is where a record ends; a quoted cell may span lines, and a message should point at its start.
    return rows.map(({ record, raw, info }) => ({ line: info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0), values: record }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    issues.push({ file, line: (error as CsvError & { lines?: number }).lines, message: `CSV: ${error.message.replace(/ at line \d+.*$/, '')}` });
    return [];
  }
}

function readJsonl(text: string, file: string, issues: SuiteIssue[]): SourceRecord[] {
  const records: SourceRecord[] = [];
  text.split(/\r?\n/).forEach((content, i) => {
    if (content.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      issues.push({ file, line: i + 1, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    if (isRecord(value)) records.push({ line: i + 1, values: value });
    else issues.push({ file, line: i + 1, message: 'each line must be a JSON object' });
  });
  return records;
}

/** A YAML (or JSON, which is YAML) document holding a list of records, or a map with one list under `items`/`data`. */
function readYaml(text: string, file: string, issues: SuiteIssue[]): SourceRecord[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) issues.push({ file, line: error.linePos?.[0]?.line, message: error.message.split('\n')[0]! });
    return [];
  }
  let list: unknown = doc.contents;
  if (isMap(list)) list = list.items.find((item) => isSeq(item.value))?.value;
  if (!isSeq(list)) {
    issues.push({ file, line: 1, message: 'expected a list of records (one per pair or per probe)' });
    return [];
  }
  const records: SourceRecord[] = [];
  for (const item of list.items) {
    const line = item && typeof item === 'object' && 'range' in item && Array.isArray(item.range) ? lines.linePos(item.range[0] as number).line : 1;
    const value: unknown = item && typeof item === 'object' && 'toJSON' in item ? (item as { toJSON: () => unknown }).toJSON() : item;
    if (isRecord(value)) records.push({ line, values: value });
    else issues.push({ file, line, message: 'each item must be a map of fields' });
  }
  return records;
}

/** Reads a dataset file (CSV with a header row, JSONL, a JSON array or a YAML list) into records with their lines. */
export function readRecords(text: string, file: string): { records: SourceRecord[]; issues: SuiteIssue[] } {
  const issues: SuiteIssue[] = [];
  const format = datasetFormat(file);
  if (!format) return { records: [], issues: [{ file, message: 'unknown file type (use .csv, .jsonl, .json, .yaml or .yml)' }] };
  const records =
    format === 'csv' ? readCsv(text, file, issues) : format === 'jsonl' ? readJsonl(text, file, issues) : readYaml(text, file, issues);
  if (records.length === 0 && issues.length === 0) issues.push({ file, message: 'no records' });
  return { records, issues };
}
