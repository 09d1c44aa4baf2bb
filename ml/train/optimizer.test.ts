import { describe, expect, it } from 'vitest';
import { fromNumbers, initRuntime, keepTree, ops, toFloat32, toScalar, valueAndGrad, warmupCosineLr, type ParamTree } from '../runtime';
import { ResumableAdamW } from './optimizer';

await initRuntime();

describe('ResumableAdamW', () => {
  it('matches a hand-computed PyTorch AdamW trajectory on f(w) = Σ w² (no weight decay, no clipping)', () => {
    const schedule = { peakLr: 0.1, warmupSteps: 0, totalSteps: 1_000_000 };
    const opt = new ResumableAdamW({ schedule }, ['w']);
    const f = valueAndGrad((p: ParamTree) => ops.sum(ops.square(p.w as never)));
    let params: ParamTree = { w: fromNumbers([1, -2], [2]) };
    let w = [1, -2];
    const m = [0, 0];
    const v = [0, 0];
    for (let t = 1; t <= 3; t++) {
      const lr = warmupCosineLr(schedule, t - 1);
      w = w.map((wi, i) => {
        const g = 2 * wi;
        m[i] = 0.9 * m[i]! + 0.1 * g;
        v[i] = 0.999 * v[i]! + 0.001 * g * g;
        return wi - (lr * (m[i]! / (1 - 0.9 ** t))) / (Math.sqrt(v[i]! / (1 - 0.999 ** t)) + 1e-8);
      });
      const [loss, grads] = f(keepTree(params));
      toScalar(loss);
      params = opt.step(params, grads);
    }
    const got = Array.from(toFloat32(params.w as never));
    got.forEach((x, i) => expect(x).toBeCloseTo(w[i]!, 5));
    expect(opt.stepCount).toBe(3);
    opt.dispose();
  });
});
