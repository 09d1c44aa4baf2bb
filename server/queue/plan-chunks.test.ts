import { expect, it } from 'vitest';
import { planChunks } from './plan-chunks';

const pairs = (n: number, probes = 2) => Array.from({ length: n }, (_, i) => ({ position: i * 10, probes }));

it('cuts pairs in position order into chunks of about the target number of requests, never splitting a pair', () => {
  const chunks = planChunks(pairs(50), 3, 48); // 6 requests a pair: 8 pairs a chunk
  expect(chunks).toHaveLength(7);
  expect(chunks[0]).toEqual({ chunk: 0, firstPosition: 0, lastPosition: 70, requests: 48 });
  expect(chunks[6]).toEqual({ chunk: 6, firstPosition: 480, lastPosition: 490, requests: 12 });
  // Every pair lands in exactly one chunk, ranges ascend and do not overlap.
  for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.firstPosition).toBeGreaterThan(chunks[i - 1]!.lastPosition);
  expect(chunks.reduce((n, c) => n + c.requests, 0)).toBe(50 * 6);
});

it('a pair larger than the target is a chunk of its own; an empty suite has no chunks', () => {
  expect(planChunks([{ position: 1, probes: 4 }, { position: 2, probes: 2 }], 20, 48)).toEqual([
    { chunk: 0, firstPosition: 1, lastPosition: 1, requests: 80 },
    { chunk: 1, firstPosition: 2, lastPosition: 2, requests: 40 },
  ]);
  expect(planChunks([], 1)).toEqual([]);
});
