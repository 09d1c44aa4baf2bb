import type { z } from 'zod';
import type { ImportIssue } from './import-record';

/**
 * Reads a JSONL file line by line: every line is checked against `schema`, every problem becomes an issue naming
 * file:line: field (a missing top-level field says "required"), and each valid line goes to `onRow` with its number.
 */
export function eachValidJsonLine<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  issues: ImportIssue[],
  onRow: (row: z.infer<S>, line: number) => void,
): void {
  text.split(/\r?\n/).forEach((content, i) => {
    const line = i + 1;
    if (content.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      issues.push({ file, line, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const missing = issue.code === 'invalid_type' && issue.path.length === 1 && (value as Record<string, unknown> | null)?.[String(issue.path[0])] === undefined;
        issues.push({ file, line, field: issue.path.join('.') || undefined, message: missing ? 'required' : issue.message });
      }
      return;
    }
    onRow(parsed.data, line);
  });
}
