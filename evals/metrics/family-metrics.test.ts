import { describe, expect, it } from 'vitest';
import { familyMetrics } from './family-metrics';
import { pair, pairs } from './tally-builders';
import { tierAccuracy } from './tier-accuracy';

const worked = pairs('arithmetic.demo', [['P', 'P'], ['F', 'P'], ['P', 'F'], ['P', 'F']]);

describe('familyMetrics', () => {
  it("computes metrics.md's worked example", () => {
    const [family, ...rest] = familyMetrics(worked);
    expect(rest).toEqual([]);
    expect(family).toMatchObject({
      id: 'arithmetic.demo',
      domain: 'arithmetic',
      easy: { acc: 3 / 4, n: 4, method: 'wilson' },
      hard: { acc: 2 / 4, n: 4, method: 'wilson' },
      cs: 1 / 2,
      inv: 1 / 2,
      baseline: 1 / 4,
      rcs: -1,
      jaggedPairIds: ['arithmetic.demo#2'],
      nPairs: 4,
      excludedPairs: 0,
      errorSamples: 0,
    });
  });

  it('orders families by domain, then family id, whatever the input order', () => {
    const input = [
      ...pairs('olympiad.geometry', [['P', 'F']]),
      ...pairs('arithmetic.zeta', [['P', 'F']]),
      ...pairs('arithmetic.alpha', [['P', 'F']]),
      ...pairs('commonsense.time', [['P', 'F']]),
    ];
    expect(familyMetrics(input).map((family) => family.id)).toEqual([
      'arithmetic.alpha',
      'arithmetic.zeta',
      'commonsense.time',
      'olympiad.geometry',
    ]);
  });

  it('keeps an all-error family, with nulls and its counts', () => {
    const [family] = familyMetrics(pairs('logic.down', [['E', 'EE'], ['EE', 'E']]));
    expect(family).toMatchObject({
      easy: { acc: null, n: 0, errorSamples: 3 },
      hard: { acc: null, n: 0, errorSamples: 3 },
      cs: null, inv: null, baseline: null, rcs: null, jaggedPairIds: [],
      nPairs: 0, excludedPairs: 2, errorSamples: 6,
    });
  });

  it('uses a bootstrap per family for k > 1, the same numbers tierAccuracy gives', () => {
    const family = pairs('logic.multi', [['PPF', 'PFF'], ['PFF', 'FFF'], ['PPP', 'PPF'], ['FFF', 'FFF'], ['PFP', 'PPP']]);
    const [metrics] = familyMetrics(family, { seed: 11 });
    expect(metrics!.easy).toEqual(tierAccuracy(family, 'easy', { seed: 11 }));
    expect(metrics!.hard).toEqual(tierAccuracy(family, 'hard', { seed: 11 }));
    expect(metrics!.easy.method).toBe('bootstrap');
  });

  it('refuses a family filed under two domains, naming the pair', () => {
    const input = [pair('a.b#1', 'a.b', 'P', 'P'), { ...pair('a.b#2', 'a.b', 'P', 'P'), domain: 'other' }];
    expect(() => familyMetrics(input)).toThrow(/family "a\.b" has pairs in two domains.*"a\.b#2"/);
  });
});
