import type { Grade } from '../contracts';
import { answerCandidates, type Candidate, type CandidateOptions } from './candidates';
import { joinDisplayMath } from './latex';
import { statesAnswer } from './markers';
import { isRefusal, refusalQuote } from './refusal';
import { stripReasoning } from './reasoning';
import { cutRunOn } from './run-on';
import { dropTrailingNoise } from './text-lines';

/** Reasons that start a failed grade's `reason`, for callers that sort failures (e.g. `reason.startsWith(REFUSAL)`). */
export const NO_ANSWER = 'no final answer found';
export const AMBIGUOUS = 'ambiguous';
export const REFUSAL = 'refusal';

/** What a grader's reader makes of one candidate. */
export type Reading<T> =
  /** A value of the grader's kind; `display` is what the grade reports as `extracted`. */
  | { kind: 'value'; value: T; display: string }
  /** Nothing of this kind here (e.g. no number at all): look at the next candidate. */
  | { kind: 'none' }
  /** Something answer-like that is not of this kind ("x + 1" for a numeric answer): fails a firm candidate. */
  | { kind: 'invalid'; display: string; reason: string }
  /** Two different answers ("12 or 13"): always a fail. */
  | { kind: 'ambiguous'; display: string }
  /**
   * An answer that commits to no value ("there is not enough information") or only to a bound ("at least 12"):
   * always a fail, because looking elsewhere for a number would credit a value the model did not give.
   */
  | { kind: 'uncommitted'; display: string; reason: string };

export type Reader<T> = (candidate: Candidate) => Reading<T>;

export type FinalAnswer<T> = { ok: true; value: T; display: string; candidate: Candidate } | { ok: false; grade: Grade };

function fail(reason: string, extracted: string | null = null): { ok: false; grade: Grade } {
  return { ok: false, grade: { pass: false, extracted, reason } };
}

/**
 * The final answer sits at the end (or, in answer-first replies, at the start): very long responses are read from
 * their first 4,000 and last 16,000 characters, which keeps every extraction step cheap on pathological input.
 */
const HEAD_CHARS = 4_000;
const TAIL_CHARS = 16_000;

function lastPart(text: string): string {
  if (text.length <= HEAD_CHARS + TAIL_CHARS) return text;
  const tail = text.slice(-TAIL_CHARS);
  const lineStart = tail.indexOf('\n');
  return `${text.slice(0, HEAD_CHARS)}\n\n${lineStart >= 0 && lineStart < 2_000 ? tail.slice(lineStart + 1) : tail}`;
}

/** "…, but if we count the first day, it would be 13": a second answer offered after the first. */
const HEDGE_AFTER =
  /\b(?:alternatively|otherwise|or else|if instead|however,? if|but if|or,? if|on the other hand,? if)\b[^\n.]*?\b(?:would be|could be|might be|becomes|would become|is)\s+([^\n]+?)(?:[.!?](?:\s|$)|$)/i;

/** The display of a different answer offered after the chosen one, or null. */
function laterAlternative<T>(text: string, candidate: Candidate, read: Reader<T>): string | null {
  const at = text.lastIndexOf(candidate.text);
  const after = at < 0 ? '' : text.slice(at + candidate.text.length);
  const hedge = HEDGE_AFTER.exec(`${candidate.text}\n${after}`);
  if (!hedge?.[1]) return null;
  const reading = read({ text: hedge[1], label: candidate.label, source: 'marker', firm: false });
  return reading.kind === 'value' ? reading.display : null;
}

/**
 * The model's final answer, read by `read`: reasoning blocks stripped, a trailing verification dropped, refusals
 * recognised, then the first candidate (see `answerCandidates`) that reads as a value wins.
 */
export function readFinalAnswer<T>(response: string, read: Reader<T>, options: CandidateOptions = {}): FinalAnswer<T> {
  const { text: withoutReasoning, unclosed } = stripReasoning(response);
  if (withoutReasoning === '') {
    if (unclosed) return fail(`${NO_ANSWER} (the reasoning block never closes)`);
    return fail(response.trim() === '' ? `${NO_ANSWER} (empty response)` : `${NO_ANSWER} (only reasoning)`);
  }
  const text = dropTrailingNoise(joinDisplayMath(lastPart(cutRunOn(withoutReasoning))), statesAnswer);
  if (isRefusal(text) && !statesAnswer(text)) return fail(`${REFUSAL}: "${refusalQuote(text)}"`);

  for (const candidate of answerCandidates(text, options)) {
    const reading = read(candidate);
    if (reading.kind === 'value') {
      const alternative = laterAlternative(text, candidate, read);
      if (alternative !== null && alternative !== reading.display) {
        const both = `${reading.display} or ${alternative}`;
        return fail(`${AMBIGUOUS}: "${both}" (${candidate.label}, then an alternative) names more than one answer`, both);
      }
      return { ok: true, value: reading.value, display: reading.display, candidate };
    }
    if (reading.kind === 'ambiguous') return fail(`${AMBIGUOUS}: "${reading.display}" ${candidate.label} names more than one answer`, reading.display);
    if (reading.kind === 'uncommitted') return fail(`${NO_ANSWER}: ${reading.reason} (${candidate.label})`, reading.display);
    if (reading.kind === 'invalid' && candidate.firm) return fail(`${reading.reason} (${candidate.label})`, reading.display);
  }
  return fail(NO_ANSWER);
}
