import { describe, expect, it } from 'vitest';
import { chooseTick } from './halting';

describe('chooseTick', () => {
  const certainty = [0.2, 0.7, 0.95, 0.9, 0.97];
  it.each([
    [0.5, 2, true],
    [0.9, 3, true],
    [0.96, 5, true],
    [0.99, 5, false], // never reached: the most certain tick
    [0, 1, true],
  ])('certainty halting at %s → tick %s', (threshold, tick, reached) => {
    expect(chooseTick(certainty, 'certainty-halting', threshold)).toEqual({ ticksUsed: tick, reachedThreshold: reached });
  });

  it('falls back to the FIRST most certain tick on ties', () => {
    expect(chooseTick([0.3, 0.8, 0.8], 'certainty-halting', 0.9).ticksUsed).toBe(2);
  });

  it('baselines answer at their last tick whatever the threshold', () => {
    expect(chooseTick(certainty, 'last-tick', 0.1).ticksUsed).toBe(5);
  });
});
