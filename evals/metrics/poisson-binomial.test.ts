import { describe, expect, it } from 'vitest';
import { poissonBinomialUpperTail } from './poisson-binomial';

describe('poissonBinomialUpperTail', () => {
  // Hand-computed: P(S ≥ x), S a sum of independent Bernoulli(q_i).
  it.each([
    { name: 'empty, x = 0', q: [], x: 0, tail: 1 },
    { name: 'empty, x = 1', q: [], x: 1, tail: 0 },
    { name: 'binomial(3, ½) ≥ 2', q: [0.5, 0.5, 0.5], x: 2, tail: 4 / 8 },
    { name: 'binomial(3, ½) ≥ 3', q: [0.5, 0.5, 0.5], x: 3, tail: 1 / 8 },
    { name: 'binomial(10, ½) ≥ 10', q: Array(10).fill(0.5), x: 10, tail: 1 / 1024 },
    { name: 'binomial(10, ½) ≥ 6', q: Array(10).fill(0.5), x: 6, tail: 386 / 1024 },
    { name: 'mixed ≥ 1: 1 − 0.8·0.5', q: [0.2, 0.5], x: 1, tail: 0.6 },
    { name: 'mixed ≥ 2: 0.2·0.5', q: [0.2, 0.5], x: 2, tail: 0.1 },
    { name: 'a certain flip', q: [1, 0.5], x: 1, tail: 1 },
    { name: 'x above n', q: [0.5], x: 2, tail: 0 },
  ])('$name', ({ q, x, tail }) => {
    expect(poissonBinomialUpperTail(q, x)).toBeCloseTo(tail, 12);
  });

  it('names a probability outside [0, 1]', () => {
    expect(() => poissonBinomialUpperTail([0.5, 1.5], 1)).toThrow(/probability 1 is 1.5/);
  });
});
