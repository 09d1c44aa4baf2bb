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
