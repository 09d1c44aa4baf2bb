import { CsvError, parse } from 'csv-parse/sync';
import type { DocPath, RawSuite } from '../../evals/suites/raw-suite';
import { SuiteError, type SuiteIssue } from '../../evals/suites';

/**
 * The columns of a probe CSV: one pair per row. `grader` is a kind (`numeric`) or a JSON object
 * (`{"kind":"choice","options":["A","B"]}`). The family columns declare a new family on the first row that names
 * it; a family that already exists needs only its id.
 */
export const CSV_COLUMNS = [
  'family', 'key', 'id', 'easy_prompt', 'easy_answer', 'hard_prompt', 'hard_answer', 'grader', 'source', 'license',
  'domain', 'family_title', 'family_description', 'pair_rule',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

const FAMILY_FIELD: Record<string, Column> = { id: 'family', domain: 'domain', title: 'family_title', description: 'family_description', pairRule: 'pair_rule' };

/** The column a path inside a pair entry came from: ["easy","answer"] → easy_answer, ["grader","options"] → grader. */
function pairColumn(inside: readonly (string | number)[]): string | undefined {
  const [first, second] = inside;
  if (first === 'easy' || first === 'hard') {
    if (second === 'grader') return 'grader';
    if (second === 'source' || second === 'license') return String(second);
    return second === undefined ? `${first}_prompt` : `${first}_${String(second)}`;
  }
  return first === undefined ? undefined : String(first);
}

function graderCell(cell: string): unknown {
  const text = cell.trim();
  if (!text.startsWith('{')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // the grader schema reports it, at this row's grader column
  }
}

/**
 * Reads a probe CSV (header row, one pair per row) into the same raw form as a YAML or JSONL suite file, so that
 * the same validation applies and every problem names the row's line and the column.
 */
export function parseCsvSuite(text: string, file: string): RawSuite {
  let records: Array<{ record: Record<string, string>; raw: string; info: { lines: number } }>;
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, info: true, raw: true, bom: true, relax_column_count: false }) as typeof records;
  } catch (error) {
    if (error instanceof CsvError) throw new SuiteError([{ file, line: (error as CsvError & { lines?: number }).lines, message: `CSV: ${error.message.replace(/ at line \d+.*$/, '')}` }]);
    throw error;
  }
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const issues: SuiteIssue[] = [];
  const columns = header.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  for (const column of columns) {
    if (!(CSV_COLUMNS as readonly string[]).includes(column)) issues.push({ file, line: 1, field: column, message: `unknown column (known: ${CSV_COLUMNS.join(', ')})` });
  }
  for (const required of ['family', 'easy_prompt', 'easy_answer', 'hard_prompt', 'hard_answer', 'grader'] as const) {
    if (!columns.includes(required)) issues.push({ file, line: 1, field: required, message: 'required column is missing' });
  }
  if (issues.length > 0) throw new SuiteError(issues);

  const families: unknown[] = [];
  const familyLines: number[] = [];
  const pairs: unknown[] = [];
  const pairLines: number[] = [];
  const declared = new Set<string>();
  for (const { record, raw, info } of records) {
    // info.lines is where the record ends; a quoted cell may span lines, and the error should point at its start.
    const line = info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
    const cell = (c: Column) => (record[c] !== undefined && record[c].trim() !== '' ? record[c] : undefined);
    const probe = (tier: 'easy' | 'hard') => ({
      prompt: cell(`${tier}_prompt`),
      answer: cell(`${tier}_answer`),
      grader: cell('grader') === undefined ? undefined : graderCell(cell('grader')!),
      ...(cell('source') ? { source: cell('source') } : {}),
      ...(cell('license') ? { license: cell('license') } : {}),
    });
    const family = cell('family');
    if (family && !declared.has(family) && (cell('domain') || cell('family_title') || cell('family_description') || cell('pair_rule'))) {
      declared.add(family);
      families.push({ id: family, domain: cell('domain'), title: cell('family_title'), description: cell('family_description'), pairRule: cell('pair_rule') });
      familyLines.push(line);
    }
    pairs.push({
      family,
      ...(cell('id') ? { id: cell('id') } : {}),
      ...(cell('key') ? { key: cell('key') } : {}),
      easy: probe('easy'),
      hard: probe('hard'),
    });
    pairLines.push(line);
  }

  const locate = (path: DocPath) => {
    const [section, index, ...inside] = path;
    if (section === 'families' && typeof index === 'number') {
      return { line: familyLines[index], field: inside.length > 0 ? (FAMILY_FIELD[String(inside[0])] ?? String(inside[0])) : 'family' };
    }
    if (section === 'pairs' && typeof index === 'number') return { line: pairLines[index], field: pairColumn(inside) };
    return { line: 1, field: path.length > 0 ? path.join('.') : undefined };
  };
  return { file, header: {}, families, pairs, locate };
}
