import type { Grade, GraderSpec } from '../contracts';
import { containsPhrase, latexToText, normalizeText, readFinalAnswer, stripMarkdown, type Reader } from '../extract';
import type { Candidate } from '../extract/candidates';
import { failed, passed, quote } from './verdict';

type ChoiceSpec = Extract<GraderSpec, { kind: 'choice' }>;

const letterOf = (index: number) => String.fromCharCode(65 + index);

/** "not B", "rather than (C)", "eliminate D": a letter named only to be ruled out. */
const RULED_OUT = /(?:\bnot|n't|\brather than|\binstead of|\bover|\beliminat\w*|\bexclud\w*|\bunlike|\brule out|\bruled out|\bexcept)\s+(?:option\s+|choice\s+|answer\s+)?[([]?$/i;

/**
 * Letters a text names as its choice: "B", "(B)", "B)", "B.", "Option B", "answer is B", "B: Paris". A bare capital
 * at the start counts unless it reads as a word ("A good way…", "I think…").
 */
function namedLetters(text: string, count: number): string[] {
  const valid = (letter: string) => letter.length === 1 && letter.charCodeAt(0) - 65 < count && letter.charCodeAt(0) >= 65;
  const found: { letter: string; at: number }[] = [];
  const add = (letter: string | undefined, at: number) => {
    if (!letter) return;
    const upper = letter.toUpperCase();
    if (valid(upper) && !RULED_OUT.test(text.slice(Math.max(0, at - 30), at))) found.push({ letter: upper, at });
  };
  const bare = text.replace(/^[\s"'([{]*(?:the\s+)?(?:(?:correct|right|best|final)\s+)?(?:option|choice|answer)?\s*[:#-]?\s*/i, '');
  const alone = /^[([]?([A-Za-z])[)\].:]?$/.exec(bare.replace(/[\s.!"')\]}]+$/, '').trim());
  if (alone && (alone[1] === alone[1]!.toUpperCase() || /option|choice|answer/i.test(text))) add(alone[1], 0);
  for (const m of text.matchAll(/[([]([A-Z])[)\]]/g)) add(m[1], m.index);
  // "C is correct", "choose C", "go with (C)".
  for (const m of text.matchAll(/(?<![\w'’])([A-Z])\)?\s+(?:is|seems|looks)\s+(?:the\s+)?(?:correct|right|best|exact|answer|true|accurate)\b/g)) add(m[1], m.index);
  for (const m of text.matchAll(/\b(?:[Cc]hoose|[Pp]ick|[Ss]elect|[Gg]o with|[Oo]pt for)\s+[([]?([A-Z])(?![\w'’])/g)) add(m[1], m.index);
  // "B or C", "B and C", "B/C": both are named.
  for (const m of text.matchAll(/(?<![\w'’])([A-Z])\)?\s*(?:or|and|\/|,)\s*(?:option\s+)?\(?([A-Z])(?![\w'’])/g)) {
    add(m[1], m.index);
    add(m[2], m.index + m[0].length - 1);
  }
  for (const m of text.matchAll(/\b(?:option|choice|letter)\s*[:#]?\s*[([]?([A-Za-z])\b(?!['’]\w)/gi)) add(m[1], m.index);
  for (const m of text.matchAll(/\b(?:[Oo]ption|[Cc]hoice|[Aa]nswer|[Ll]etter)\s+(?:is|would be|should be)\s*:?\s*[([]?([A-Z])(?![\w'’])/g)) add(m[1], m.index);
  for (const m of text.matchAll(/(?:^|[\s*])([A-Z])(?:\)|:\s|\.\s|\s[-–—]\s)/g)) add(m[1], m.index);
  const start = /^[\s"'*]*([A-Z])(?=$|[\s,.;!])(\s+\w+)?/.exec(text);
  if (start?.[1]) {
    const next = start[2]?.trim() ?? '';
    const looksLikeWord = (start[1] === 'A' || start[1] === 'I') && /^[a-z]/.test(next) && !/^(?:because|since|as|is|it|which|—|and)$/.test(next);
    if (!looksLikeWord) add(start[1], 0);
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((item) => item.letter))];
}

function lastClauseNaming(text: string, names: (clause: string) => boolean): string {
  const clauses = text.split(/[,;.](?=\s)|\s(?=but\b|however\b|so\b|therefore\b|thus\b)/i);
  return clauses.reverse().find(names) ?? text;
}

/** Options whose text the (normalised) text names, leaving out those only compared against ("larger than 16.19"). */
function namedOptions(normalised: string, options: string[]): number[] {
  const named = options.flatMap((option, index) => {
    if (option === '' || !containsPhrase(normalised, option)) return [];
    const at = ` ${normalised} `.indexOf(` ${option} `);
    return /(?:\bthan|\bnot|\brather than|\binstead of|\bunlike|\bover)\s*$/.test(normalised.slice(0, Math.max(0, at))) ? [] : [index];
  });
  // "New York" also contains "York": keep only options not inside another named one.
  return named.filter((i) => !named.some((j) => j !== i && containsPhrase(options[j]!, options[i]!)));
}

function readChoice(options: string[]): Reader<number> {
  const normalisedOptions = options.map(normalizeText);
  return (candidate: Candidate) => {
    const whole = latexToText(stripMarkdown(candidate.text)).trim();
    // In a closing sentence, the last clause that names an option decides: "B and C are close, but C is exact."
    const names = (clause: string) => namedLetters(clause, options.length).length > 0 || namedOptions(normalizeText(clause), normalisedOptions).length > 0;
    const text = candidate.source === 'final line' ? lastClauseNaming(whole, names) : whole;
    const letters = namedLetters(text, options.length);
    if (letters.length > 1 && candidate.source === 'response start') return { kind: 'none' };
    if (letters.length > 1) return { kind: 'ambiguous', display: letters.join(' or ') };
    if (letters.length === 1) return { kind: 'value', value: letters[0]!.charCodeAt(0) - 65, display: letters[0]! };

    const normalised = normalizeText(text);
    const exact = normalisedOptions.indexOf(normalised);
    if (exact >= 0) return { kind: 'value', value: exact, display: letterOf(exact) };
    if (candidate.source === 'response start') return { kind: 'none' };
    const distinct = namedOptions(normalised, normalisedOptions);
    if (distinct.length === 1) return { kind: 'value', value: distinct[0]!, display: letterOf(distinct[0]!) };
    if (distinct.length > 1) {
      if (candidate.firm || candidate.source === 'marker') return { kind: 'ambiguous', display: distinct.map(letterOf).join(' or ') };
      return { kind: 'none' };
    }
    return candidate.firm ? { kind: 'invalid', display: text, reason: `${quote(text)} is not one of the options` } : { kind: 'none' };
  };
}

/** The expected option: a letter ("B", "(B)") or the option's text. */
function expectedOption(answer: string, options: string[]): number | null {
  const letter = /^\s*[([]?([A-Za-z])[)\].]?\s*$/.exec(answer)?.[1]?.toUpperCase();
  if (letter && letter.charCodeAt(0) - 65 < options.length) return letter.charCodeAt(0) - 65;
  const index = options.map(normalizeText).indexOf(normalizeText(answer));
  return index >= 0 ? index : null;
}

/** Multiple choice: the answer is an option letter; the response may give the letter (any common form) or the text. */
export function gradeChoice(response: string, answer: string, spec: ChoiceSpec): Grade {
  const expected = expectedOption(answer, spec.options);
  const read = readFinalAnswer(response, readChoice(spec.options), { responseStart: true });
  if (expected === null) {
    return failed(read.ok ? read.display : null, `expected answer ${quote(answer)} is neither an option letter nor an option's text`);
  }
  if (!read.ok) return read.grade;
  const label = read.candidate.label;
  if (read.value === expected) return passed(read.display, `matched option ${letterOf(expected)} (${label})`);
  return failed(read.display, `expected option ${letterOf(expected)}, got ${read.display} (${label})`);
}
