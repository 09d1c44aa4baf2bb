import type { Candidate } from './candidates';
import type { Reading } from './final-answer';
import { latexToText } from './latex';
import { stripMarkdown } from './markdown';
import { leadingNumberWords, spelledNumbersToDigits } from './number-words';
import { findNumbers, normaliseNumberText, parseWholeNumber, type NumberToken } from './numbers';
import { isQuestion, splitSentences } from './text-lines';

/**
 * Reads the one number a candidate answer states.
 * - Boxed and `<answer>` content must be a number as a whole ("391", "x = 391", "\$12", "5 km"): "x + 1" there is
 *   an expression, not a number, and fails.
 * - A marker's sentence or bold text ("The answer is 391, since 17 × 23 = 391"): the number it opens with;
 *   otherwise as a closing sentence.
 * - A closing line: its last sentence that holds a number and is not a question; in it, the last clause that is not
 *   a justification ("because …"); in that, the value right of the last "=", else the number after the main verb
 *   ("She has 5 apples left after giving away 3"), else the leading number, else the last one.
 * Two different numbers offered as alternatives ("12 or 13", "either 5 or 6", "between 12 and 13") are ambiguous.
 */
export function readNumber(candidate: Candidate): Reading<NumberToken> {
  let text = spelledNumbersToDigits(normaliseNumberText(latexToText(stripMarkdown(candidate.text))));
  if (candidate.source === 'final line' || candidate.source === 'response start') {
    const sentences = splitSentences(text).filter((sentence) => !isQuestion(sentence));
    // A closing sentence that declines to give a value is the model's conclusion, even with numbers above it.
    const closing = sentences.at(-1) ?? '';
    if (NO_VALUE.test(closing)) return uncommitted(closing);
    text = sentences.filter((sentence) => findNumbers(sentence).length > 0).at(-1) ?? '';
  } else if (NO_VALUE.test(text)) {
    return uncommitted(text);
  }
  const reading = readValue(candidate, text);
  if (reading.kind !== 'value') return reading;
  const bound = boundBefore(text, reading.value);
  return bound ? { kind: 'uncommitted', display: bound, reason: `"${bound}" is only a bound, not a value` } : reading;
}

/** Phrases that decline to give a value: "not enough information", "cannot be determined", "an unknown number". */
const NO_VALUE =
  /\b(?:not enough (?:information|info|data)|insufficient (?:information|data)|(?:cannot|can ?not|can't|could not|couldn't) (?:be )?(?:determined?|known|calculated|computed|found|tell|say|know)|impossible to (?:determine|tell|know|say|calculate)|no way (?:to|of) (?:know|tell|determin)|not (?:possible|enough) to (?:determine|tell|know|say)|(?:an|some) unknown (?:number|amount|count)|is unknown|undetermined|indeterminate)/i;

function uncommitted(text: string): Reading<NumberToken> {
  return { kind: 'uncommitted', display: shorten(text), reason: `"${shorten(text)}" commits to no value` };
}

/** "at least 12", "more than 10", "up to 5", "≥ 3": a bound on the answer, not the answer. */
const BOUND = /(?:\bat\s+(?:least|most)|\b(?:no\s+)?(?:more|less|fewer|greater|smaller)\s+than|\bover|\bunder|\bup\s+to|\ba\s+(?:minimum|maximum)\s+of|\bminimum\s+of|\bmaximum\s+of|>=?|<=?|≥|≤)\s*[$€£]?\s*$/i;

/**
 * The bound phrase and number when the value read is written only right after a bound ("at least 12"), else
 * null: "5 (no more than 5 fit)" states 5 before bounding it.
 */
function boundBefore(text: string, value: NumberToken): string | null {
  let bound: string | null = null;
  for (const token of findNumbers(text)) {
    if (!token.value.equals(value.value)) continue;
    const match = BOUND.exec(text.slice(Math.max(0, token.start - 30), token.start));
    if (!match) return null;
    bound ??= `${match[0].trim()} ${token.display}`.replace(/\s+/g, ' ');
  }
  return bound;
}

function readValue(candidate: Candidate, text: string): Reading<NumberToken> {
  text = text.replace(/\b(?:check|verification|verify|checking)\b[\s\S]*$/i, '').trim();
  const numbers = findNumbers(text);
  if (numbers.length === 0 && candidate.source !== 'final line') {
    const spelled = leadingNumberWords(text.replace(LEAD_IN, ''));
    if (spelled) return { kind: 'value', value: spelled, display: spelled.display };
  }
  if (numbers.length === 0) {
    if (candidate.firm && /\S/.test(text) && candidate.source !== 'marker') return { kind: 'invalid', display: shorten(text), reason: `"${shorten(text)}" is not a number` };
    return { kind: 'none' };
  }
  // A range ("12–13", "5 to 10") hedges an answer stated after a marker; in a closing sentence it is usually a story.
  const hedge = alternatives(text, numbers, candidate.source !== 'final line');
  if (hedge) return { kind: 'ambiguous', display: hedge };

  // "That's 2 more than the first box": a closing comparison, not the answer; look further up.
  if (candidate.source === 'final line' && numbers.every((n) => COMPARATIVE_AFTER.test(text.slice(n.end)))) return { kind: 'none' };
  if (candidate.source === 'boxed' || candidate.source === 'answer tag') return readWhole(text);
  if (candidate.source === 'marker' || candidate.source === 'bold') return readStatedAnswer(text);
  return readClause(dropAsides(text));
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

const EQUALS = /=|≈|≃|≅|≡/;

function rightOfLastEquals(text: string): string {
  const parts = text.split(EQUALS);
  const right = parts.at(-1) ?? '';
  return parts.length > 1 && findNumbers(right).length > 0 ? right : text;
}

function readWhole(text: string): Reading<NumberToken> {
  const right = rightOfLastEquals(text);
  const number = parseWholeNumber(right);
  if (number) return { kind: 'value', value: number, display: number.display };
  return { kind: 'invalid', display: shorten(text), reason: `"${shorten(text)}" is not a single number` };
}

/** A number that compares rather than states: "2 more than", "3 times as many", "5 fewer than". */
const COMPARATIVE_AFTER = /^\s*(?:[A-Za-z]+\s+)?(?:more|less|fewer|greater|smaller|larger|bigger|times)\s+(?:than|as|the|more|less)\b/i;

/** Up to two unit words between a number and an operator: "120 units - 90 units", "17 bags * $18/bag". */
const UNIT_WORDS = String.raw`(?:[A-Za-z$€£%]+(?:\/[A-Za-z]+)?\s*){0,2}?`;
/**
 * An arithmetic operator and a number right after a number, unit words allowed between: "17 × 23" and
 * "17 bags * $18/bag" are expressions, not the answer 17.
 */
const OPERATOR_AFTER = new RegExp(
  String.raw`^\s*(?:\^\s*[\d(.]|${UNIT_WORDS}(?:[×*·÷/+]|x(?=\s*\d)|-(?=\s*[$€£]?\d)|mod\b)\s*[$€£]?\s*[\d(.])`,
);
/** "8770 / 15 = 584 boxes": a number followed by "=" and another number is the left side of a calculation. */
const EQUALS_AFTER = new RegExp(String.raw`^\s*${UNIT_WORDS}(?:=|≈)\s*[$€£]?\s*-?\d`);
const LEAD_IN = /^(?:[\s$€£¥₹~≈:*([{]|approximately|approx\.?|about|around|roughly|exactly|only|just|nearly|almost|circa|a total of|total of|total|of)*/i;

/** After a marker the answer comes first ("391, since 17 × 23 = 391"; "5 km, which is 5000 m"). */
function readStatedAnswer(sentence: string): Reading<NumberToken> {
  const withoutAsides = dropAsides(sentence);
  const lead = leadingNumber(withoutAsides);
  if (lead && lead !== 'expression') return { kind: 'value', value: lead, display: lead.display };
  return readClause(withoutAsides);
}

/** Clauses that justify rather than state: "because 12 × 12 = 144", "since 3 + 4 = 7". */
const JUSTIFICATION = /^\s*(?:because|since|as|given|for example|e\.g\.|i\.e\.|if|when|where|whereas|while)\b/i;

function readClause(sentence: string): Reading<NumberToken> {
  const clauses = sentence
    .split(/[;,](?=\s)|\s[–—-]\s/)
    .filter((clause, index) => findNumbers(clause).length > 0 && (index === 0 || !JUSTIFICATION.test(clause)));
  const whole = clauses.at(-1) ?? sentence;
  // "340 + 51 =" (cut off before the result): the value was never written.
  if (/(?:=|[+×*/÷-])\s*$/.test(whole.trim())) return { kind: 'none' };
  const clause = rightOfLastEquals(whole);
  // Without an "=", a verb points at the value ("10 divided by 4 is 5/2"); the subject may be a number too.
  const afterVerb = clause === whole ? numberAfterVerb(clause) : null;
  if (afterVerb) return { kind: 'value', value: afterVerb, display: afterVerb.display };
  const lead = leadingNumber(clause);
  if (lead === 'expression') return { kind: 'invalid', display: shorten(clause), reason: `"${shorten(clause)}" is an expression, not a number` };
  if (lead) return { kind: 'value', value: lead, display: lead.display };
  const last = findNumbers(clause).at(-1);
  if (!last) return { kind: 'none' };
  if (OPERATOR_AFTER.test(normaliseNumberText(clause).slice(last.end))) return { kind: 'invalid', display: shorten(clause), reason: `"${shorten(clause)}" is an expression, not a number` };
  return { kind: 'value', value: last, display: last.display };
}

/** A clause's main verb, after which its value follows: "She has 5 apples left after giving away 3" → 5. */
const VERB = /\b(?:is|are|was|were|has|have|had|gets|got|makes|made|equals|costs|cost|needs|takes|took|comes to|totals|remain|remains|be|becomes|yields|gives)\b/i;

function numberAfterVerb(clause: string): NumberToken | null {
  const normalised = normaliseNumberText(clause);
  const verb = VERB.exec(normalised);
  if (!verb) return null;
  const after = verb.index + verb[0].length;
  const next = findNumbers(normalised).find((token) => token.start >= after);
  if (!next || OPERATOR_AFTER.test(normalised.slice(next.end))) return null;
  // Only a number close to the verb ("is 391", "has traveled 150 km"), not one in a later phrase.
  return /^[\s\w$€£¥~≈-]{0,25}$/.test(normalised.slice(after, next.start)) && normalised.slice(after, next.start).split(/\s+/).length <= 4 ? next : null;
}

function leadingNumber(text: string): NumberToken | 'expression' | null {
  const normalised = normaliseNumberText(text);
  const first = findNumbers(normalised)[0];
  if (!first) return null;
  const before = normalised.slice(0, first.start);
  if (LEAD_IN.exec(before)?.[0] !== before) return null;
  const after = normalised.slice(first.end);
  return OPERATOR_AFTER.test(after) || EQUALS_AFTER.test(after) ? 'expression' : first;
}

/** Drops parenthetical asides that explain rather than answer: "391 (since 17 × 23 = 391)". */
function dropAsides(text: string): string {
  const stripped = text.replace(/\(([^()]*)\)/g, (aside: string, inner: string) => (/[A-Za-z=×*+÷]/.test(inner) ? ' ' : aside));
  return findNumbers(stripped).length > 0 ? stripped : text;
}

const OR_BETWEEN = /^\s*,?\s*(?:or|or maybe|or possibly|or perhaps|or perhaps even|and\/or)\s*(?:[$€£]\s*)?$/i;
/** "12, but it could also be 13", "12 (or possibly 13)", "12, maybe 13". */
const HEDGE_BETWEEN = /\b(?:or|could(?: also)? be|might(?: also)? be|may(?: also)? be|maybe|possibly|perhaps|alternatively)\b/i;
const RANGE_BETWEEN = /^\s*(?:to|–|—|-)\s*(?:[$€£]\s*)?$/i;
const DASH_BETWEEN = /^(?:–|—|-)$/;
/** "x = 3 or x = -3": two solutions offered for one answer. */
const OR_VARIABLE_BETWEEN = /^\s*,?\s*(?:or|and)\s+[a-z]\s*=\s*$/i;

/**
 * "12 or 13", "either 5 or 6", "between 12 and 13", "12–13", "x = 3 or x = -3" (and with `ranges`, "5 to 10" and
 * "5 - 10") as "12 or 13"; else null.
 */
function alternatives(text: string, numbers: NumberToken[], ranges: boolean): string | null {
  const normalised = normaliseNumberText(text);
  for (let i = 0; i + 1 < numbers.length; i++) {
    const a = numbers[i]!;
    const b = numbers[i + 1]!;
    if (a.value.equals(b.value) && a.percent === b.percent) continue;
    const between = normalised.slice(a.end, b.start);
    const after = normalised.slice(b.end);
    // "between 12 and 15" hedges; in a closing sentence that states another value ("there are 0 primes between 24
    // and 28") it only places the question.
    const statesOther = !ranges && numbers.some((n) => n !== a && n !== b && !n.value.equals(a.value) && !n.value.equals(b.value));
    const betweenAnd =
      !statesOther && /^\s*and\s*(?:[$€£]\s*)?$/i.test(between) && /\bbetween\s*[$€£]?\s*$/i.test(normalised.slice(0, a.start));
    // "12 - 3 = 9" is arithmetic, not a range.
    const range = (ranges ? RANGE_BETWEEN : DASH_BETWEEN).test(between) && !EQUALS.test(after) && !OPERATOR_AFTER.test(after);
    const hedged = between.length <= 40 && HEDGE_BETWEEN.test(between) && !/[=\d]/.test(between);
    if (OR_BETWEEN.test(between) || OR_VARIABLE_BETWEEN.test(between) || betweenAnd || range || hedged) return `${a.display} or ${b.display}`;
  }
  return null;
}
