import { fraction } from './fraction';
import type { NumberToken } from './numbers';

/** Small numbers spelled out ("twelve", "twenty-one", "one hundred and five"), as models sometimes answer. */
const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const WORD = new RegExp(`^(?:${[...Object.keys(UNITS), ...Object.keys(SCALES)].join('|')})$`, 'i');

/**
 * The number spelled out at the start of `text` ("twelve apples" → 12), or null. Only the start counts: spelled
 * numbers in the middle of prose ("I have two cats") are not answers.
 */
export function leadingNumberWords(text: string): NumberToken | null {
  const words = text.trim().toLowerCase().split(/[\s-]+/);
  let total = 0;
  let current = 0;
  let used = 0;
  let display = '';
  for (const raw of words) {
    const word = raw.replace(/[.,!;:]+$/, '');
    if (used > 0 && word === 'and') continue;
    if (!WORD.test(word)) break;
    const unit = UNITS[word];
    const scale = SCALES[word];
    if (unit !== undefined) current += unit;
    else if (scale !== undefined) {
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    }
    used++;
    display = `${display} ${word}`.trim();
    if (raw !== word) break;
  }
  if (used === 0) return null;
  const value = total + current;
  return { value: fraction(BigInt(value), 1n), percent: false, form: 'integer', decimals: 0, display: String(value), start: 0, end: display.length };
}

// Longest first, so that "fourteen" is not read as "four" followed by junk.
const NUMBER_WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(SCALES)].sort((a, b) => b.length - a.length).join('|')})`;
/** A run of number words: "three", "twenty-one", "one hundred and five". */
const NUMBER_WORD_RUN = new RegExp(String.raw`\b${NUMBER_WORD}(?:(?:[\s-]+and)?[\s-]+${NUMBER_WORD})*\b`, 'gi');
/** "one" as a pronoun or in an idiom, not a count: "the one", "each one", "one of", "one by one", "no one". */
const PRONOUN_BEFORE = /\b(?:the|which|each|every|no|any|some|this|that|another|a|an|correct|right|wrong|last|first|other|same|single)\s+$/i;
const PRONOUN_AFTER = /^\s*(?:of|another|by|more|who|that|which|can|could|must|should|would|will|might|may|is|was|has|had|does|did|thing|way|day|time|or the other|at a time|for each|for every|each|apiece|per)\b/i;
/** "no" as a count of zero, after a verb of having or being: "she has no sisters", "there are no primes". */
const NO_AS_ZERO = /\b((?:has|have|had|are|is|were|was|with|contains?|got|gets|there(?:'s| is| are)))\s+no\s+(?!(?:more|less|fewer|longer|one|other\s+than|idea|way|need|matter|doubt|answer|solution|information|data|reason|such|further|definite|single|way)\b)(?=[a-z])/gi;

/**
 * The text with small spelled-out numbers written as digits ("it appears three times" → "it appears 3 times",
 * "Emma has four brothers"), "none" as 0 and a "no" that counts zero ("she has no brothers") as 0. Pronoun uses of
 * "one" ("the one", "one of them") stay words. Digits only: the readers then treat them like any other number.
 */
export function spelledNumbersToDigits(text: string): string {
  if (!/[a-z]/i.test(text)) return text;
  // Only clauses written without digits: there a spelled number is the statement ("…at positions 3, 8 and 9, so it
  // appears three times"); in a clause with digits it is usually a side remark ("3 of the 12 eggs, and two more").
  let result = text.replace(/[^.!?\n,;:]+[.!?,;:]*/g, (clause) => (/\d/.test(clause) ? clause : wordsToDigits(clause)));
  result = result.replace(/\bnone\b/gi, '0').replace(NO_AS_ZERO, '$1 0 ');
  // A whole sentence "No sisters." is a count of zero too.
  return result.replace(/^(\s*)no\s+(?=[a-z]+[.!]?\s*$)(?!(?:problem|worries|doubt|idea|way|thanks|answer|solution)\b)/i, '$10 ');
}

function wordsToDigits(sentence: string): string {
  return sentence.replace(NUMBER_WORD_RUN, (run: string, offset: number, whole: string) => {
    if (/^one$/i.test(run) && (PRONOUN_BEFORE.test(whole.slice(Math.max(0, offset - 20), offset)) || PRONOUN_AFTER.test(whole.slice(offset + run.length)))) return run;
    const parsed = leadingNumberWords(run);
    return parsed ? parsed.display : run;
  });
}
