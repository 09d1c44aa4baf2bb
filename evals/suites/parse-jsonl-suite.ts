import { formatPath, type DocPath, type RawSuite } from './raw-suite';
import { SuiteError, type SuiteIssue } from './suite-error';

/**
 * Reads a JSONL suite file: one JSON object per line, each with a "type": one optional "suite" header line
 * ({id, title, description}), "family" lines (a family, or {generator, seed, count}, or {items}) and "pair" lines.
 * Errors point at the line of the record, with the field inside that record (`12: hard.answer: required`).
 */
export function parseJsonlSuite(text: string, file: string): RawSuite {
  const issues: SuiteIssue[] = [];
  let header: Record<string, unknown> = {};
  let headerLine: number | undefined;
  const families: unknown[] = [];
  const familyLines: number[] = [];
  const pairs: unknown[] = [];
  const pairLines: number[] = [];

  text.split(/\r?\n/).forEach((content, i) => {
    const line = i + 1;
    if (content.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(content);
    } catch (error) {
      issues.push({ file, line, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      issues.push({ file, line, message: 'each line must be a JSON object with a "type"' });
      return;
    }
    const { type, ...rest } = record as Record<string, unknown>;
    if (type === 'suite') {
      if (headerLine !== undefined) issues.push({ file, line, field: 'type', message: `a second "suite" line (the first is line ${headerLine})` });
      header = rest;
      headerLine = line;
    } else if (type === 'family') {
      families.push(rest);
      familyLines.push(line);
    } else if (type === 'pair') {
      pairs.push(rest);
      pairLines.push(line);
    } else {
      issues.push({ file, line, field: 'type', message: type === undefined ? 'required ("suite", "family" or "pair")' : `must be "suite", "family" or "pair", not ${JSON.stringify(type)}` });
    }
  });
  if (issues.length > 0) throw new SuiteError(issues);

  const locate = (path: DocPath) => {
    const [section, index, ...inside] = path;
    const field = inside.length > 0 ? formatPath(inside) : undefined;
    if (section === 'families' && typeof index === 'number') return { line: familyLines[index], field };
    if (section === 'pairs' && typeof index === 'number') return { line: pairLines[index], field };
    return { line: headerLine, field: path.length > 0 ? formatPath(path) : undefined };
  };
  return { file, header, families, pairs, locate };
}
