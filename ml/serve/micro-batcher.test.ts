import { describe, expect, it } from 'vitest';
import { MicroBatcher } from './micro-batcher';
import { compiledBatchSizes } from './served-models';

describe('MicroBatcher', () => {
  it('groups requests that arrive within the window, up to the max batch, in order', async () => {
    const calls: number[][] = [];
    const batcher = new MicroBatcher<number, number>((xs) => (calls.push(xs), xs.map((x) => x * 10)), { maxBatch: 4, windowMs: 10 });
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((x) => batcher.submit(x)));
    expect(results.map((r) => r.value)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(calls).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
    expect(results.map((r) => r.batchSize)).toEqual([4, 4, 4, 4, 2, 2]);
    expect(batcher.stats).toEqual({ batches: 2, rows: 6 });
  });

  it('a lone request is answered after the window, alone', async () => {
    const batcher = new MicroBatcher<string, string>((xs) => xs.map((x) => x.toUpperCase()), { maxBatch: 8, windowMs: 1 });
    expect(await batcher.submit('a')).toEqual({ value: 'A', batchSize: 1 });
  });

  it('rejects every request of a batch whose run throws', async () => {
    const batcher = new MicroBatcher<number, number>(() => {
      throw new Error('forward failed');
    }, { maxBatch: 2, windowMs: 1 });
    await expect(Promise.all([batcher.submit(1), batcher.submit(2)])).rejects.toThrow('forward failed');
  });
});

describe('compiledBatchSizes', () => {
  it('compiles 1, 4, 16 … and the max batch itself', () => {
    expect(compiledBatchSizes(16)).toEqual([1, 4, 16]);
    expect(compiledBatchSizes(8)).toEqual([1, 4, 8]);
    expect(compiledBatchSizes(1)).toEqual([1]);
  });
});
