import { describe, expect, it } from 'vitest';
import { formatProgress } from './progress';

describe('formatProgress', () => {
  it('shows step, loss, accuracy, speed and ETA', () => {
    const line = formatProgress({ step: 250, totalSteps: 1000, loss: 0.1234, accuracy: 0.5, stepsPerSecond: 5 });
    expect(line).toBe('[######..................] step 250/1000 loss 0.1234 acc 50.0% 5.0 steps/s ETA 2m30s');
  });
});
