import { describe, expect, it } from 'vitest';
import { holm } from './holm';

describe('holm', () => {
  // Hand-computed; the same as R's p.adjust(p, "holm").
  it.each([
    { name: 'textbook four', p: [0.01, 0.04, 0.03, 0.005], adjusted: [0.03, 0.06, 0.06, 0.02] },
    { name: 'single test unchanged', p: [0.04], adjusted: [0.04] },
    { name: 'empty', p: [], adjusted: [] },
    { name: 'capped at 1', p: [0.5, 0.6], adjusted: [1, 1] },
    { name: 'ties', p: [0.02, 0.02], adjusted: [0.04, 0.04] },
    { name: 'monotone step-down', p: [0.001, 0.013, 0.014, 0.5], adjusted: [0.004, 0.039, 0.039, 0.5] },
    { name: 'p = 1 stays 1', p: [1, 0.01], adjusted: [1, 0.02] },
  ])('$name', ({ p, adjusted }) => {
    const got = holm(p);
    expect(got).toHaveLength(adjusted.length);
    got.forEach((value, index) => expect(value).toBeCloseTo(adjusted[index]!, 12));
  });

  it('names a p-value outside [0, 1]', () => {
    expect(() => holm([0.1, 1.2])).toThrow(/p-value 1 is 1.2/);
    expect(() => holm([Number.NaN])).toThrow(/p-value 0 is NaN/);
  });
});
