import { describe, expect, it } from 'vitest';
import { formatProgress } from './progress';
import { curveCsv, parseProgressLog, sampleCurve } from './learning-curve';

const line = (step: number, acc: number, longest: number) =>
  `${formatProgress({ step, totalSteps: 1000, loss: 1 - acc, accuracy: acc, stepsPerSecond: 2 })} len16 ${(100 * longest).toFixed(1)}%`;

describe('learning curve from progress lines', () => {
  it('reads what train-steps prints, and a resumed run overwrites the steps it repeats', () => {
    const log = [
      '[....] step 1/1000 loss 0.6960 acc 48.4% 0.1 steps/s ETA 20h23m len16 NaN%',
      line(240, 0.6, 0.5),
      line(260, 0.7, 0.55),
      'resuming from step 250',
      line(260, 0.72, 0.56),
      line(510, 0.9, 0.8),
    ].join('\n');
    const points = parseProgressLog(log);
    expect(points.map((p) => p.step)).toEqual([1, 240, 260, 510]);
    expect(points[0]!.longest).toBeNull();
    expect(points[2]).toEqual({ step: 260, loss: 0.28, accuracy: 0.72, longest: 0.56 });
    const sampled = sampleCurve(points, 250);
    expect(sampled.map((p) => p.step)).toEqual([260, 510]);
    expect(curveCsv(sampled)).toBe('step,loss,accuracy_pct,longest_pct\n260,0.2800,72.0,56.0\n510,0.1000,90.0,80.0\n');
  });

  it('refuses a sampling interval that is not positive', () => {
    expect(() => sampleCurve([], 0)).toThrow(/every must be a positive number/);
  });
});
