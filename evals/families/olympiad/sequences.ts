import { defineFamily, NUMERIC } from '../define-family';
import { ordinal } from '../format';

const SHOWN = 5;

const terms = (first: number, step: number, count: number) => Array.from({ length: count }, (_, i) => first + i * step);

export const sequences = defineFamily({
  id: 'olympiad.sequences',
  domain: 'olympiad',
  title: 'Arithmetic sequences',
  description: 'Continue an arithmetic sequence by one term (easy); find a far term or the sum of many terms (hard).',
  pairRule:
    'Both questions show the same first terms, and the hard term or sum is built from the common difference that continuing the sequence (the easy question) finds.',
  generate(rng) {
    const step = rng.pick([-9, -7, -6, -4, -3, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13]);
    const first = step < 0 ? rng.int(60, 150) : rng.int(1, 40);
    const shown = terms(first, step, SHOWN).join(', ');
    const far = rng.int(20, 60);
    const askSum = rng.chance(0.5);
    const hardAnswer = askSum ? (far * (2 * first + (far - 1) * step)) / 2 : first + (far - 1) * step;
    return {
      easy: {
        prompt: `What is the next term of the sequence ${shown}, …? Answer with a number.`,
        answer: String(first + SHOWN * step),
        grader: NUMERIC,
      },
      hard: {
        prompt: askSum
          ? `What is the sum of the first ${far} terms of the sequence ${shown}, …? Answer with a number.`
          : `What is the ${ordinal(far)} term of the sequence ${shown}, …? Answer with a number.`,
        answer: String(hardAnswer),
        grader: NUMERIC,
      },
    };
  },
});
