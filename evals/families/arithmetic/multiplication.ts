import { defineFamily, NUMERIC } from '../define-family';
import { TIMES } from '../format';
import type { Rng } from '../random';

/** A factor without a trailing zero: multiplying by 30 is a shortcut, not long multiplication. */
function factor(rng: Rng, lo: number, hi: number): number {
  for (;;) {
    const n = rng.int(lo, hi);
    if (n % 10 !== 0) return n;
  }
}

const prompt = (a: number, b: number) => `What is ${a} ${TIMES} ${b}? Answer with a number.`;

export const multiplication = defineFamily({
  id: 'arithmetic.multiplication',
  domain: 'arithmetic',
  title: 'Multi-digit multiplication',
  description: 'Long multiplication: 3-digit by 3-digit (easy), 5-digit by 4-digit (hard).',
  reportedFailure: {
    source:
      'Dziri et al. 2023, "Faith and Fate: Limits of Transformers on Compositionality" (arXiv:2305.18654); GPT-4 transcripts shared in 2023, e.g. on r/MachineLearning: "438 × 939" answered 411,182 (it is 411,282)',
    note: 'The easy probe is a 3-digit by 3-digit product, the size at which GPT-4 answering directly already gets many wrong (Dziri et al. report accuracy falling with each added digit, to near zero at four and five); the errors sit in the partial products and carries.',
  },
  pairRule:
    'The hard factors begin with the easy factors, so the easy product, shifted by three places, is the leading partial product of the hard one.',
  generate(rng) {
    const a = factor(rng, 101, 999);
    const b = factor(rng, 101, 999);
    const hardA = a * 100 + rng.int(1, 99);
    const hardB = b * 10 + rng.int(1, 9);
    return {
      easy: { prompt: prompt(a, b), answer: String(a * b), grader: NUMERIC },
      hard: { prompt: prompt(hardA, hardB), answer: String(hardA * hardB), grader: NUMERIC },
    };
  },
});
