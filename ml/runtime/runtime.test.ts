import { beforeAll, describe, expect, it } from 'vitest';
import { Prng, fromNumbers, initRuntime, ops, toFloat32, warmupCosineLr } from './index';

beforeAll(async () => {
  await initRuntime();
});

const close = (actual: Float32Array, expected: number[], tol = 1e-5) =>
  expected.forEach((e, i) => expect(Math.abs((actual[i] ?? NaN) - e)).toBeLessThan(tol));

describe('ops', () => {
  it('einsum works on Node 20 (needs the Iterator-helpers polyfill)', () => {
    const a = fromNumbers([1, 2, 3, 4], [2, 2]);
    const b = fromNumbers([5, 6, 7, 8], [2, 2]);
    close(toFloat32(ops.einsum('ij,jk->ik', a, b)), [19, 22, 43, 50]);
  });

  it('linear uses the PyTorch [out, in] weight layout', () => {
    const x = fromNumbers([1, 2, 3], [1, 3]);
    const w = fromNumbers([1, 0, 0, 0, 1, 1], [2, 3]);
    close(toFloat32(ops.linear(x, w, fromNumbers([10, 20], [2]))), [11, 25]);
  });

  it('layerNorm matches the PyTorch formula (biased variance, eps 1e-5)', () => {
    const values = [1, 2, 4, 9];
    const mu = values.reduce((a, b) => a + b) / 4;
    const variance = values.reduce((a, v) => a + (v - mu) ** 2, 0) / 4;
    const expected = values.map((v) => ((v - mu) / Math.sqrt(variance + 1e-5)) * 2 + 1);
    const y = ops.layerNorm(fromNumbers(values, [1, 4]), fromNumbers([2, 2, 2, 2], [4]), fromNumbers([1, 1, 1, 1], [4]));
    close(toFloat32(y), expected);
  });

  it('glu gates the first half with the sigmoid of the second', () => {
    const y = ops.glu(fromNumbers([2, 3, 0, Math.log(3)], [1, 4]));
    close(toFloat32(y), [1, 3 * 0.75]);
  });
});

describe('learning-rate schedule', () => {
  it('warm-up is linear and the cosine ends at minLr', () => {
    const s = { peakLr: 1, warmupSteps: 10, totalSteps: 110, minLr: 0.1 };
    expect(warmupCosineLr(s, 5)).toBeCloseTo(0.5);
    expect(warmupCosineLr(s, 10)).toBeCloseTo(1);
    expect(warmupCosineLr(s, 60)).toBeCloseTo(0.55);
    expect(warmupCosineLr(s, 500)).toBeCloseTo(0.1);
  });
});

describe('Prng', () => {
  it('is reproducible per seed and differs across seeds', () => {
    expect(Array.from(new Prng(7).uniform(4, 0, 1))).toEqual(Array.from(new Prng(7).uniform(4, 0, 1)));
    expect(new Prng(7).next()).not.toBe(new Prng(8).next());
  });

  it('draws normals with about the right mean and spread', () => {
    const xs = new Prng(1).normal(20_000, 3, 2);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean - 3)).toBeLessThan(0.05);
    expect(Math.abs(sd - 2)).toBeLessThan(0.05);
  });
});
