import { latexToText, stripMarkdown } from '../extract';
import { isQuestion, splitSentences } from '../extract/text-lines';
import type { Candidate } from '../extract/candidates';

/**
 * The answer text of a candidate, for the string graders (exact, text): markdown and LaTeX wrappers, surrounding
 * quotes and a closing period removed. A closing line is narrowed to its last sentence that is not a question.
 */
export function answerText(candidate: Candidate): string {
  let text = candidate.text;
  if (candidate.source === 'final line') {
    text = splitSentences(text).filter((sentence) => !isQuestion(sentence)).at(-1) ?? text;
  }
  text = latexToText(stripMarkdown(text)).trim();
  for (let i = 0; i < 3; i++) {
    text = text
      .replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, '')
      .replace(/[.!;,]+$/, '')
      .trim();
    const pair = PAIRS[text[0] ?? ''];
    if (pair && text.endsWith(pair) && text.length > 2) text = text.slice(1, -1).trim();
  }
  return text;
}

const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** What a sentence states, after its last colon, "is", "are" or "=": "The reversed string is: ollhe" → "ollhe". */
export function statedPart(text: string): string {
  const match = /^[\s\S]*(?::|\bis\b|\bare\b|\bwas\b|=)\s+([\s\S]+)$/i.exec(text);
  return match?.[1]?.trim() ?? text;
}

/** A phrase is negated when "not", "isn't", "rather than" … comes right before it. */
export function negatedBefore(textBefore: string): boolean {
  return /(?:\bnot|n't|\bnever|\brather than|\binstead of|\bunlike|\bno)\s*(?:the\s+|a\s+|an\s+)?$/i.test(textBefore);
}
