/** A path into a suite document, e.g. ["pairs", 3, "hard", "answer"]. */
export type DocPath = readonly (string | number)[];

/**
 * A suite file after syntax parsing and before validation, the same for YAML and JSONL: the header fields, the
 * family entries and the pair entries, plus a way to turn a document path into a line and a field name.
 */
export interface RawSuite {
  file: string;
  header: Record<string, unknown>;
  families: unknown[];
  pairs: unknown[];
  locate(path: DocPath): { line?: number; field?: string };
}

/** "pairs[3].hard.answer" */
export function formatPath(path: DocPath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}
