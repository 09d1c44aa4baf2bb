import { describe, expect, it } from 'vitest';
import { estimateRemainingMs, formatDuration } from './eta';

describe('run ETA', () => {
  it('extrapolates the observed pace to what is left', () => {
    // 50 answers in 10 s → 5/s; 150 left → 30 s.
    expect(estimateRemainingMs({ at: 0, done: 50 }, { at: 10_000, done: 100 }, 250)).toBe(30_000);
  });
  it('has no estimate before progress is seen, and none needed when done', () => {
    expect(estimateRemainingMs(undefined, { at: 1, done: 1 }, 10)).toBeNull();
    expect(estimateRemainingMs({ at: 0, done: 5 }, { at: 1_000, done: 5 }, 10)).toBeNull();
    expect(estimateRemainingMs({ at: 0, done: 0 }, { at: 1_000, done: 10 }, 10)).toBe(0);
  });
  it.each([[1_000, 'under 5 s'], [40_000, 'about 40 s'], [300_000, 'about 5 min'], [7_200_000, 'about 2.0 h']])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
