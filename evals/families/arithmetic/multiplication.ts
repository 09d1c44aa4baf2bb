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
  description: 'Long multiplication: 2-digit by 2-digit (easy), 4-digit by 3-digit (hard).',
  reportedFailure: {
    source: 'Dziri et al. 2023, "Faith and Fate: Limits of Transformers on Compositionality" (arXiv:2305.18654)',
    note: 'GPT-4\'s accuracy on exact multiplication falls from near perfect for small factors to near zero at four or five digits; the errors sit in the partial products and carries.',
  },
  pairRule:
    'The hard factors begin with the easy factors, so the easy product, shifted by three places, is the leading partial product of the hard one.',
  generate(rng) {
    const a = factor(rng, 12, 99);
    const b = factor(rng, 12, 99);
    const hardA = a * 100 + rng.int(1, 99);
    const hardB = b * 10 + rng.int(1, 9);
    return {
      easy: { prompt: prompt(a, b), answer: String(a * b), grader: NUMERIC },
      hard: { prompt: prompt(hardA, hardB), answer: String(hardA * hardB), grader: NUMERIC },
    };
  },
});
