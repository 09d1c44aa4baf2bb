import { describe, expect, it } from 'vitest';
import { pickThreshold } from './evaluate';
import { meanInterval, tickGrid } from './thinking-time';

describe('pickThreshold', () => {
  it('takes the lowest threshold within half a point of the best accuracy', () => {
    const sweep = [0.5, 0.8, 0.9, 1].map((threshold, i) => ({ threshold, meanAccuracy: [0.9, 0.952, 0.956, 0.955][i]!, byLength: [] }));
    expect(pickThreshold(sweep)).toBe(0.8);
  });
});

describe('thinking-time helpers', () => {
  it('meanInterval: mean ± 1.96 standard errors', () => {
    const r = meanInterval([1, 2, 3, 4]);
    expect(r.mean).toBe(2.5);
    expect(r.high - r.mean).toBeCloseTo((1.96 * Math.sqrt(5 / 3)) / 2, 10);
    expect(meanInterval([])).toEqual({ n: 0, mean: 0, low: 0, high: 0 });
  });
  it('tickGrid reads every tick up to 16, then every other one, and the last', () => {
    expect(tickGrid(5)).toEqual([1, 2, 3, 4, 5]);
    expect(tickGrid(21)).toEqual([...Array.from({ length: 16 }, (_, i) => i + 1), 18, 20, 21]);
  });
});
