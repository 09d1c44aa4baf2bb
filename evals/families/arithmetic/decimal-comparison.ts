import { choiceDraft, defineFamily, LIST } from '../define-family';
import { decimal } from '../format';
import type { Rng } from '../random';

/** Values are whole thousandths, so comparisons are exact integer comparisons. */
const PLACES = 3;

/**
 * The 9.11-versus-9.9 trap: same whole part, the number with more decimal digits has the larger digit string
 * ("11" > "9") but the smaller value (0.11 < 0.9).
 */
function trapPair(rng: Rng, whole: number): { longer: number; shorter: number } {
  const tenth = rng.int(2, 9); // the shorter number: n.t
  const firstDigit = rng.int(0, tenth - 1);
  const secondDigit = rng.int(1, 9);
  const longer = whole * 1000 + firstDigit * 100 + secondDigit * 10;
  return { longer, shorter: whole * 1000 + tenth * 100 };
}

/** More numbers with the same whole part and one to three decimals, none equal in value to another. */
function distractors(rng: Rng, whole: number, taken: Set<number>, count: number): number[] {
  const result: number[] = [];
  while (result.length < count) {
    const places = rng.int(1, PLACES);
    const step = 10 ** (PLACES - places);
    const value = whole * 1000 + rng.int(1, 10 ** places - 1) * step;
    // A last digit of 0 would really be fewer places (9.50 is 9.5), so skip it.
    if (!taken.has(value) && (value / step) % 10 !== 0) {
      taken.add(value);
      result.push(value);
    }
  }
  return result;
}

const show = (thousandths: number) => decimal(thousandths, PLACES);

export const decimalComparison = defineFamily({
  id: 'arithmetic.decimal-comparison',
  domain: 'arithmetic',
  title: 'Comparing decimals',
  description:
    'Compare decimals whose digit strings mislead (9.11 has more digits than 9.9 but is smaller): pick the larger of two (easy, with a twin asking for the smaller), sort five (hard).',
  reportedFailure: {
    source: 'Widely shared chat transcripts, July 2024: "9.11 and 9.9, which is bigger?"',
    note: 'Strong chat models said 9.11 is larger than 9.9, comparing the digits after the point as whole numbers (11 > 9).',
  },
  pairRule:
    'The hard list contains both easy numbers, so sorting it requires deciding which of the two easy numbers is larger.',
  generate(rng) {
    const whole = rng.int(0, 20);
    const { longer, shorter } = trapPair(rng, whole);
    const options = rng.shuffle([longer, shorter]).map(show);
    const easy = choiceDraft('Which number is larger?', options, show(shorter));
    // The twin asks for the smaller of the same two numbers: its answer is the other option.
    const easyTwin = choiceDraft('Which number is smaller?', options, show(longer));
    const all = [longer, shorter, ...distractors(rng, whole, new Set([longer, shorter]), 3)];
    const shown = rng.shuffle(all).map(show);
    const sorted = [...all].sort((x, y) => x - y).map(show);
    return {
      easy,
      easyTwin,
      hard: {
        prompt: `Sort these numbers from smallest to largest: ${shown.join(', ')}. Answer with the sorted numbers, separated by commas.`,
        answer: sorted.join(', '),
        grader: LIST,
      },
    };
  },
});
