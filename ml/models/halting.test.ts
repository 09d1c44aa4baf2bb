import { describe, expect, it } from 'vitest';
import { pickThreshold } from '../train/evaluate';
import { chooseTick } from './halting';
import { formatProgress } from '../train/progress';

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

describe('pickThreshold', () => {
  it('takes the lowest threshold within half a point of the best accuracy', () => {
    const sweep = [0.5, 0.8, 0.9, 1].map((threshold, i) => ({ threshold, meanAccuracy: [0.9, 0.952, 0.956, 0.955][i]!, byLength: [] }));
    expect(pickThreshold(sweep)).toBe(0.8);
  });
});

describe('formatProgress', () => {
  it('shows step, loss, accuracy, speed and ETA', () => {
    const line = formatProgress({ step: 250, totalSteps: 1000, loss: 0.1234, accuracy: 0.5, stepsPerSecond: 5 });
    expect(line).toBe('[######..................] step 250/1000 loss 0.1234 acc 50.0% 5.0 steps/s ETA 2m30s');
  });
});
