import type { Grade, GraderSpec } from '../contracts';
import { containsPhrase, normalizeText, readFinalAnswer, type Reader } from '../extract';
import { answerText, negatedBefore, statedPart } from './answer-text';
import { failed, passed, quote } from './verdict';

type TextSpec = Extract<GraderSpec, { kind: 'text' }>;

interface TextReading {
  text: string;
  /** Index into the accepted forms (answer first, then aliases), when one was found. */
  matched: number | null;
}

/**
 * Compares normalised text (see normalizeText). A stated answer equal to the answer or an alias passes; so does a
 * marker's or closing sentence that contains one as whole words ("The capital of France is Paris."), unless it is
 * negated ("not Paris") or one of two alternatives ("Paris or Lyon").
 */
function readText(accepted: string[]): Reader<TextReading> {
  return (candidate) => {
    const text = answerText(candidate);
    const normalised = normalizeText(text);
    if (normalised === '') return { kind: 'none' };
    const equal = accepted.indexOf(normalised);
    if (equal >= 0) return { kind: 'value', value: { text, matched: equal }, display: text };
    if (candidate.source !== 'boxed' && candidate.source !== 'answer tag') {
      const contained = accepted.findIndex((form) => containsPhrase(normalised, form));
      const form = accepted[contained];
      if (form !== undefined) {
        const before = normalised.slice(0, ` ${normalised} `.indexOf(` ${form} `));
        if (!negatedBefore(before)) {
          if (/\b(?:either|or)\b/.test(normalised)) return { kind: 'ambiguous', display: text };
          return { kind: 'value', value: { text, matched: contained }, display: originalWords(text, form) };
        }
      }
    }
    const stated = candidate.source === 'boxed' || candidate.source === 'answer tag' ? text : statedPart(text);
    return { kind: 'value', value: { text: stated, matched: null }, display: stated };
  };
}

/** The words of `text` that normalise to `form` ("Canberra" in "It is Canberra."), or `form` itself. */
function originalWords(text: string, form: string): string {
  const words = text.split(/\s+/);
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= words.length; end++) {
      const slice = words.slice(start, end).join(' ');
      if (normalizeText(slice) === form) return slice.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    }
  }
  return form;
}

/** Normalised text: case, punctuation, articles and extra spaces ignored; aliases accepted. */
export function gradeText(response: string, answer: string, spec: TextSpec): Grade {
  const accepted = [answer, ...(spec.aliases ?? [])].map(normalizeText).filter((form) => form !== '');
  if (accepted.length === 0) return failed(null, `expected answer ${quote(answer)} is empty after normalising`);
  const read = readFinalAnswer(response, readText(accepted));
  if (!read.ok) return read.grade;
  const label = read.candidate.label;
  const { matched } = read.value;
  if (matched !== null) {
    const alias = matched > 0 ? ` (alias of ${quote(answer)})` : '';
    return passed(read.display, `matched ${quote(accepted[matched]!)}${alias} (${label})`);
  }
  return failed(read.display, `expected ${quote(answer)}, got ${quote(read.display)} (${label})`);
}
