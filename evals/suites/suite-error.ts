/** One problem in a suite file, located as precisely as the file allows. */
export interface SuiteIssue {
  file: string;
  /** 1-based line, when the problem has a place in the file. */
  line?: number;
  /** The field at fault, e.g. "hard.answer" or "pairs[3].hard.answer". */
  field?: string;
  message: string;
}

/** `my-suite.jsonl:12: hard.answer: required`: the form every tool prints a suite problem in. */
export function formatIssue(issue: SuiteIssue): string {
  const place = issue.line !== undefined ? `${issue.file}:${issue.line}` : issue.file;
  return issue.field ? `${place}: ${issue.field}: ${issue.message}` : `${place}: ${issue.message}`;
}

/**
 * A suite that cannot be loaded: an unknown id, an unreadable file, or invalid content. `file`, `line` and `field`
 * describe the first problem; `issues` holds all of them (a validator shows every one, not just the first).
 */
export class SuiteError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  readonly issues: SuiteIssue[];

  constructor(issues: SuiteIssue[] | string) {
    const list = typeof issues === 'string' ? [] : issues;
    const first = list[0];
    const more = list.length > 1 ? ` (and ${list.length - 1} more)` : '';
    super(typeof issues === 'string' ? issues : first ? `${formatIssue(first)}${more}` : 'invalid suite');
    this.name = 'SuiteError';
    this.issues = list;
    this.file = first?.file;
    this.line = first?.line;
    this.field = first?.field;
  }
}
