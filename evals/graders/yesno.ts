import type { Grade, GraderSpec } from '../contracts';
import { latexToText, readFinalAnswer, stripMarkdown, type Reader } from '../extract';
import type { Candidate } from '../extract/candidates';
import { isQuestion, splitSentences } from '../extract/text-lines';
import { failed, passed, quote } from './verdict';

type YesNoSpec = Extract<GraderSpec, { kind: 'yesno' }>;
type YesNo = 'yes' | 'no';

/** Verdict words that mean yes; any other verdict word (no, false, incorrect, nope, not true, certainly not) is no. */
const YES_WORDS = new Set(['yes', 'true', 'correct', 'yep', 'yeah', 'affirmative', 'not false', 'absolutely', 'definitely', 'certainly', 'of course', 'indeed']);

/** Openers that come before the verdict: "So, yes", "Short answer: no", "Therefore, the statement is false". */
const LEAD_IN = /^(?:\s*(?:so|therefore|thus|hence|in conclusion|in summary|in short|overall|ultimately|short answer|final answer|answer|my answer|verdict|well|and|then|the answer is|the answer|the statement is|the claim is|it is|it's|that is|that's)\b[\s,:–—-]*)+/i;
// An intensifier is a verdict only when it ends its clause: "Definitely not." is no, "definitely not obvious" is
// nothing, "Absolutely." is yes, "absolutely sure it depends" is nothing.
const CLAUSE_END = String.raw`(?=\s*(?:[.,!;:)]|$))`;
const VERDICT = new RegExp(
  String.raw`^(not true|not false|not correct|(?:absolutely|definitely|certainly|of course) not${CLAUSE_END}|yes|no|true|false|correct|incorrect|yep|yeah|nope|affirmative|untrue|(?:absolutely|definitely|certainly|of course|indeed)${CLAUSE_END})\b`,
  'i',
);
/** "No problem", "No doubt", "Yes, I can help": openers that answer nothing. */
const NOT_A_VERDICT =
  /^no\s+(?:problem|worries|doubt|need|matter|one|way to|idea)\b|^correct\s+(?:answer|option|approach|way)|^true\s+(?:or|for)\b|^yes\s+or\s+no|^(?:yes|of course|certainly|absolutely)[,!.]?\s+(?:i can|i'd be|i would be|i will|i'll|let me|let's|here)\b/i;

function verdictAt(sentence: string): YesNo | 'ambiguous' | null {
  const text = sentence.replace(/^[\s"'(*[{]+/, '').replace(LEAD_IN, '');
  if (NOT_A_VERDICT.test(text)) return null;
  const word = VERDICT.exec(text)?.[1]?.toLowerCase();
  if (!word) return null;
  const verdict: YesNo = YES_WORDS.has(word) ? 'yes' : 'no';
  // "Yes and no", "True or false?": both at once.
  const other = /^\S+\s*(?:and|or|\/)\s*(yes|no|true|false)\b/i.exec(text)?.[1]?.toLowerCase();
  if (other && (YES_WORDS.has(other) ? 'yes' : 'no') !== verdict) return 'ambiguous';
  return verdict;
}

const readYesNo: Reader<YesNo> = (candidate: Candidate) => {
  const text = latexToText(stripMarkdown(candidate.text)).trim();
  // "Yes? Let me check…" opens with a guess put as a question, not a verdict.
  if (candidate.source === 'response start' && /^[\s"'(*]*(?:yes|no|true|false)\s*\?/i.test(text)) return { kind: 'none' };
  const sentences =
    candidate.source === 'final line' ? splitSentences(text).filter((s) => !isQuestion(s)).reverse() : [text];
  for (const sentence of sentences) {
    const verdict = verdictAt(sentence);
    if (verdict === 'ambiguous') return { kind: 'ambiguous', display: 'yes and no' };
    if (verdict) return { kind: 'value', value: verdict, display: verdict };
  }
  if (candidate.firm && candidate.source !== 'marker') return { kind: 'invalid', display: text, reason: `${quote(text)} is not yes or no` };
  return { kind: 'none' };
};

function expectedYesNo(answer: string): YesNo | null {
  const verdict = verdictAt(answer.trim());
  return verdict === 'ambiguous' ? null : verdict;
}

/** Yes/no questions (also true/false, correct/incorrect). "No, …" at the start of a response is its answer. */
export function gradeYesNo(response: string, answer: string, _spec: YesNoSpec): Grade {
  const expected = expectedYesNo(answer);
  const read = readFinalAnswer(response, readYesNo, { responseStart: true });
  if (!expected) return failed(read.ok ? read.display : null, `expected answer ${quote(answer)} is not yes or no`);
  if (!read.ok) return read.grade;
  const label = read.candidate.label;
  if (read.value === expected) return passed(read.value, `matched ${expected} (${label})`);
  return failed(read.value, `expected ${expected}, got ${read.value} (${label})`);
}
