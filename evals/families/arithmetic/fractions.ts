import { defineFamily, NUMERIC } from '../define-family';
import { gcd, MINUS, TIMES } from '../format';
import type { Rng } from '../random';
import { Fraction } from './fraction';

/** A proper fraction p/q in lowest terms with 2 ≤ q ≤ maxDen. */
function properFraction(rng: Rng, maxDen: number): Fraction {
  for (;;) {
    const den = rng.int(2, maxDen);
    const num = rng.int(1, den - 1);
    if (gcd(num, den) === 1) return new Fraction(num, den);
  }
}

const prompt = (expression: string) =>
  `What is ${expression}? Give the answer as a fraction in lowest terms (or a whole number).`;

export const fractions = defineFamily({
  id: 'arithmetic.fractions',
  domain: 'arithmetic',
  title: 'Fraction arithmetic',
  description: 'Add fractions with unlike denominators (easy); use that sum inside a longer fraction expression (hard).',
  pairRule:
    'The hard expression contains the easy sum in brackets, so adding the easy fractions over a common denominator is its first step.',
  generate(rng) {
    let x: Fraction;
    let y: Fraction;
    do {
      x = properFraction(rng, 10);
      y = properFraction(rng, 10);
    } while (x.den === y.den);
    const sum = x.add(y);
    const factor = properFraction(rng, 9);
    const shift = properFraction(rng, 8);
    const scaled = sum.mul(factor);
    // Subtract when the result stays positive, otherwise add: negative fractions are a different skill.
    const subtract = scaled.sub(shift).num > 0;
    const result = subtract ? scaled.sub(shift) : scaled.add(shift);
    const easyText = `${x} + ${y}`;
    const hardText = `(${easyText}) ${TIMES} ${factor} ${subtract ? MINUS : '+'} ${shift}`;
    return {
      easy: { prompt: prompt(easyText), answer: sum.toString(), grader: NUMERIC },
      hard: { prompt: prompt(hardText), answer: result.toString(), grader: NUMERIC },
    };
  },
});
