import { describe, expect, it } from 'vitest';
import { pairsFromCounts, type CatalogPair } from './pair-tallies';

const c = (pass: number, fail = 0, error = 0) => ({ pass, fail, error });

describe('pairsFromCounts', () => {
  const catalog: CatalogPair[] = [
    { pairId: 'b.y#1', family: 'b.y', domain: 'b', easyKey: 1, hardKey: 2, suiteKey: 1 },
    { pairId: 'a.x#1', family: 'a.x', domain: 'a', easyKey: 3, hardKey: 4, suiteKey: 1 },
    // The same pair at a newer suite version (its hard probe was edited: new key 5).
    { pairId: 'a.x#1', family: 'a.x', domain: 'a', easyKey: 3, hardKey: 5, suiteKey: 2 },
    { pairId: 'a.x#2', family: 'a.x', domain: 'a', easyKey: 6, hardKey: 7, suiteKey: 1 },
  ];

  it('keeps pairs whose both probes have samples, newest version once, in chart order', () => {
    const counts = new Map([[1, c(1)], [2, c(0, 1)], [3, c(2, 1)], [4, c(0, 0, 1)], [5, c(1)], [6, c(1)]]);
    const pairs = pairsFromCounts(catalog, counts);
    expect(pairs.map((p) => [p.pairId, p.hardKey])).toEqual([['a.x#1', 5], ['b.y#1', 2]]);
    expect(pairs[0]!.easy).toEqual(c(2, 1));
  });

  it('falls back to the older version when only it was answered', () => {
    const pairs = pairsFromCounts(catalog, new Map([[3, c(1)], [4, c(1)]]));
    expect(pairs.map((p) => [p.pairId, p.hardKey])).toEqual([['a.x#1', 4]]);
  });

  it('returns copies: callers cannot corrupt the counts', () => {
    const counts = new Map([[1, c(1)], [2, c(1)]]);
    pairsFromCounts(catalog, counts)[0]!.easy.pass = 99;
    expect(counts.get(1)!.pass).toBe(1);
  });
});
