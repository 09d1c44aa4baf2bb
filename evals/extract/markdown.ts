/** Markdown as models write it around answers: bold, code spans, headings, bullets, block quotes. */

export interface BoldSpan {
  content: string;
  start: number;
}

/** `**x**` and `__x__` spans on one line, in order. */
export function findBold(text: string): BoldSpan[] {
  const spans: BoldSpan[] = [];
  for (const match of text.matchAll(/\*\*([^*\n]+?)\*\*|__([^_\n]+?)__/g)) {
    spans.push({ content: (match[1] ?? match[2] ?? '').trim(), start: match.index });
  }
  return spans;
}

/** Removes emphasis, code ticks, heading hashes, bullets and quote marks, keeping the words. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/`+/g, '')
    .replace(/^[ \t]*#{1,6}[ \t]+(?![-+$\d.])/gm, '')
    .replace(/^[ \t]*>[ \t]?/gm, '')
    .replace(/^[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t]+/gm, '')
    .replace(/(^|[\s(])\*(?=\S)([^*\n]+?)\*(?=[\s.,;:!?)]|$)/gm, '$1$2');
}
