import type { Grade, GraderSpec } from '../contracts';
import { readFinalAnswer, type Reader } from '../extract';
import { answerText, negatedBefore, statedPart } from './answer-text';
import { failed, passed, quote } from './verdict';

type ExactSpec = Extract<GraderSpec, { kind: 'exact' }>;

function escapeForRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Reads the stated answer; when a marker's sentence or a closing sentence contains the expected string as a whole
 * token ("The reversed string is `olleh`."), that token is the answer, unless it is negated or offered as one of
 * two alternatives.
 */
function readExact(answer: string, caseSensitive: boolean): Reader<string> {
  const same = (a: string, b: string) => (caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase());
  const token = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeForRegex(answer)}(?![\\p{L}\\p{N}_])`, caseSensitive ? 'u' : 'iu');
  return (candidate) => {
    const text = answerText(candidate);
    if (text === '') return { kind: 'none' };
    if (same(text, answer) || candidate.source === 'boxed' || candidate.source === 'answer tag') return { kind: 'value', value: text, display: text };
    const stated = statedPart(text);
    const found = token.exec(text);
    if (found && !negatedBefore(text.slice(0, found.index))) {
      if (/\b(?:either|or)\b/i.test(text)) return { kind: 'ambiguous', display: text };
      return { kind: 'value', value: found[0], display: found[0] };
    }
    return { kind: 'value', value: stated, display: stated };
  };
}

/** Exact string match after trimming; case-sensitive unless `caseSensitive: false`. */
export function gradeExact(response: string, answer: string, spec: ExactSpec): Grade {
  const caseSensitive = spec.caseSensitive ?? true;
  const expected = answer.trim();
  if (response.trim() === expected || (!caseSensitive && response.trim().toLowerCase() === expected.toLowerCase())) {
    return passed(response.trim(), `matched ${quote(expected)} (the whole response)`);
  }
  const read = readFinalAnswer(response, readExact(expected, caseSensitive));
  if (!read.ok) return read.grade;
  const label = read.candidate.label;
  const same = caseSensitive ? read.value === expected : read.value.toLowerCase() === expected.toLowerCase();
  if (same) return passed(read.display, `matched ${quote(expected)} (${label})`);
  const caseOnly = caseSensitive && read.value.toLowerCase() === expected.toLowerCase() ? ' (differs only in case)' : '';
  return failed(read.display, `expected ${quote(expected)}, got ${quote(read.display)}${caseOnly} (${label})`);
}
