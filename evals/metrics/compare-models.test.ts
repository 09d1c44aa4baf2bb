import { describe, expect, it } from 'vitest';
import { comparePairs } from './compare-models';
import type { PairTally } from './tally';
import { pair, pairs } from './tally-builders';

/** n pairs of one family where every easy and hard probe has the given outcomes. */
function uniform(family: string, n: number, easy: string, hard: string, from = 1): PairTally[] {
  return Array.from({ length: n }, (_, i) => pair(`${family}#${from + i}`, family, easy, hard));
}

describe('comparePairs', () => {
  it('k = 1: Δ, McNemar and a verdict on a family B wins outright', () => {
    // 10 pairs: A fails all 20 probes, B passes all 20. c = 20, b = 0, but clustered by pair: 10 pairs of d = +2,
    // and only the all-same-sign flips reach |Σ| = 20 → p = 2·2^-10 (a probe-level McNemar would say 2·2^-20).
    const result = comparePairs(uniform('x.win', 10, 'F', 'F'), uniform('x.win', 10, 'P', 'P'));
    const [family] = result.families;
    expect(family).toMatchObject({
      id: 'x.win', domain: 'x', nProbes: 20, nPairs: 10, accA: 0, accB: 1, delta: 1, lo: 1, hi: 1,
      mcnemar: { b: 0, c: 20, tiedProbes: 0, discordantPairs: 10 }, verdict: 'b better',
    });
    expect(family!.mcnemar.p).toBeCloseTo(2 / 2 ** 10, 15);
    expect(family!.pAdjusted).toBe(family!.mcnemar.p); // one family: Holm changes nothing
  });

  it('is antisymmetric: swapping A and B flips Δ and the verdict', () => {
    const a = uniform('x.win', 10, 'F', 'F');
    const b = uniform('x.win', 10, 'P', 'P');
    expect(comparePairs(b, a).families[0]).toMatchObject({ delta: -1, verdict: 'a better', mcnemar: { b: 20, c: 0 } });
  });

  it('an interval that excludes 0 is not enough: McNemar b=0, c=5 gives p = 0.0625', () => {
    // 5 pairs: both fail the hard probes; B passes the 5 easy ones. Every resampled Δ is 5/10 → interval [1/2, 1/2].
    const result = comparePairs(uniform('x.small', 5, 'F', 'F'), uniform('x.small', 5, 'P', 'F'));
    expect(result.families[0]).toMatchObject({
      delta: 0.5, lo: 0.5, hi: 0.5, mcnemar: { b: 0, c: 5, p: 0.0625 }, pAdjusted: 0.0625, verdict: 'within noise',
    });
  });

  it('applies Holm across families', () => {
    // x.big: 10 pairs of d = +2 → p = 2·2^-10. x.mid and x.mid2: 6 pairs of d = +1 each (B passes the easy probe)
    // → p = 2/64 = 0.03125 < 0.05 alone, but Holm over three families gives 2·0.03125 = 0.0625 for both: within
    // noise. x.big stays a difference (3·2·2^-10).
    const a = [...uniform('x.big', 10, 'F', 'F'), ...uniform('x.mid', 6, 'F', 'F'), ...uniform('x.mid2', 6, 'F', 'F')];
    const b = [...uniform('x.big', 10, 'P', 'P'), ...uniform('x.mid', 6, 'P', 'F'), ...uniform('x.mid2', 6, 'P', 'F')];
    const { families } = comparePairs(a, b);
    expect(families.map((f) => [f.id, f.verdict])).toEqual([
      ['x.big', 'b better'],
      ['x.mid', 'within noise'],
      ['x.mid2', 'within noise'],
    ]);
    expect(families[1]!.mcnemar.p).toBeCloseTo(0.03125, 15);
    expect(families[0]!.pAdjusted).toBeCloseTo(3 * (2 / 2 ** 10), 15);
    expect(families[1]!.pAdjusted).toBeCloseTo(0.0625, 15);
    expect(families[2]!.pAdjusted).toBeCloseTo(0.0625, 15);
    // With two families only, x.mid would be 2·0.03125 = 0.0625 too; alone it would be a difference.
    expect(comparePairs(a.filter((p) => p.family === 'x.mid'), b.filter((p) => p.family === 'x.mid')).families[0]!.verdict).toBe('b better');
  });

  it('uses only the probes both answered, and counts the rest', () => {
    const a = [pair('x.y#1', 'x.y', 'P', 'F'), pair('x.y#2', 'x.y', 'P', 'EE'), pair('x.y#3', 'x.y', 'P', 'P'), pair('x.y#5', 'x.y', 'E', 'E')];
    const b = [pair('x.y#1', 'x.y', 'F', 'P'), pair('x.y#2', 'x.y', 'F', 'P'), pair('x.y#4', 'x.y', 'P', 'P'), pair('x.y#5', 'x.y', 'E', 'P')];
    const [family] = comparePairs(a, b).families;
    // Common: #1 easy, #1 hard, #2 easy. A: 1, 0, 1 → 2/3. B: 0, 1, 0 → 1/3. Pair #1 nets to 0, #2 is −1: p = 1.
    expect(family).toMatchObject({ nProbes: 3, nPairs: 2, mcnemar: { b: 2, c: 1, discordantPairs: 1, p: 1 }, verdict: 'within noise' });
    expect(family!.accA).toBeCloseTo(2 / 3, 12);
    expect(family!.accB).toBeCloseTo(1 / 3, 12);
    expect(family!.delta).toBeCloseTo(-1 / 3, 12);
    // Left out: #2 hard (B only), #3 easy+hard (A only), #4 easy+hard (B only), #5 easy (neither), #5 hard (B only).
    expect(family!.leftOut).toEqual({ onlyA: 2, onlyB: 4, neither: 1 });
  });

  it('k > 1: per-probe majority for McNemar, ties at ½ left out', () => {
    const a = pairs('x.k', [['PPF', 'PF'], ['FFP', 'PPPF']]);
    const b = pairs('x.k', [['PFF', 'PP'], ['PPF', 'PFFF']]);
    const [family] = comparePairs(a, b).families;
    // Majorities: #1e A✓ B✗ (b); #1h A tie → left out; #2e A✗ B✓ (c); #2h A✓ B✗ (b).
    expect(family!.mcnemar).toMatchObject({ b: 2, c: 1, tiedProbes: 1 });
    // Δ = mean(pB − pA) = ((1/3 − 2/3) + (1 − 1/2) + (2/3 − 1/3) + (1/4 − 3/4)) / 4 = 0
    expect(family!.delta).toBeCloseTo(0, 12);
    expect(family!.lo!).toBeLessThanOrEqual(0);
    expect(family!.hi!).toBeGreaterThanOrEqual(0);
  });

  it('lists the disagreements (per-probe majority), filterable by who passed', () => {
    const a = pairs('x.d', [['P', 'F'], ['F', 'F'], ['PP', 'PF']]);
    const b = pairs('x.d', [['F', 'F'], ['F', 'P'], ['PP', 'FF']]);
    const { disagreements } = comparePairs(a, b);
    expect(disagreements.map(({ pairId, tier, passedBy }) => [pairId, tier, passedBy])).toEqual([
      ['x.d#1', 'easy', 'a'],
      ['x.d#2', 'hard', 'b'],
    ]);
  });

  it('interval contains Δ and is reproducible for a seed', () => {
    const outcomes = ['P', 'F'];
    const a = Array.from({ length: 60 }, (_, i) => pair(`x.r#${i}`, 'x.r', outcomes[i % 2]!, outcomes[(i >> 1) % 2]!));
    const b = Array.from({ length: 60 }, (_, i) => pair(`x.r#${i}`, 'x.r', outcomes[(i >> 2) % 2]!, outcomes[(i * 7) % 3 === 0 ? 0 : 1]!));
    const first = comparePairs(a, b, { seed: 3 });
    expect(comparePairs(a, b, { seed: 3 })).toEqual(first);
    const [family] = first.families;
    expect(family!.lo!).toBeLessThan(family!.delta!);
    expect(family!.hi!).toBeGreaterThan(family!.delta!);
    expect(first.overall.delta).toBe(family!.delta);
  });

  it('gives an overall row (no Holm) and orders families by domain then id', () => {
    const a = [...uniform('b.one', 10, 'F', 'F'), ...uniform('a.two', 2, 'P', 'P')];
    const b = [...uniform('b.one', 10, 'P', 'P'), ...uniform('a.two', 2, 'P', 'P')];
    const result = comparePairs(a, b);
    expect(result.families.map((f) => f.id)).toEqual(['a.two', 'b.one']);
    expect(result.overall).toMatchObject({ nProbes: 24, delta: 20 / 24, mcnemar: { b: 0, c: 20 }, verdict: 'b better' });
    expect(result.overall.pAdjusted).toBe(result.overall.mcnemar.p);
    expect(result.families[0]).toMatchObject({ delta: 0, mcnemar: { b: 0, c: 0, p: 1 }, verdict: 'within noise' });
  });

  it('leaves families without a common probe out of the Holm count', () => {
    // x.mid alone: 6 pairs of d = +1, p = 0.03125. A family only A answered must not double it.
    const a = [...uniform('x.mid', 6, 'F', 'F'), ...uniform('x.only', 2, 'P', 'P')];
    const b = uniform('x.mid', 6, 'P', 'F');
    const { families } = comparePairs(a, b);
    expect(families.map((f) => [f.id, f.verdict, f.pAdjusted === f.mcnemar.p])).toEqual([
      ['x.mid', 'b better', true],
      ['x.only', 'within noise', true],
    ]);
  });

  it('refuses an alpha outside (0, 1)', () => {
    expect(() => comparePairs([], [], { alpha: 0 })).toThrow(/alpha must be in \(0, 1\)/);
  });

  it('handles empty inputs and families one model never answered', () => {
    expect(comparePairs([], [])).toMatchObject({ families: [], disagreements: [], overall: { nProbes: 0, delta: null, verdict: 'within noise' } });
    const { families } = comparePairs(uniform('x.only', 2, 'P', 'P'), []);
    expect(families[0]).toMatchObject({ nProbes: 0, delta: null, lo: null, hi: null, verdict: 'within noise', leftOut: { onlyA: 4, onlyB: 0, neither: 0 } });
  });

  it('refuses a pair filed under different families by A and B, and a pair given twice', () => {
    expect(() => comparePairs([pair('p#1', 'x.one', 'P', 'P')], [pair('p#1', 'x.two', 'P', 'P')])).toThrow(/pair "p#1" is in family x\/x\.one for A but x\/x\.two for B/);
    expect(() => comparePairs([pair('p#1', 'x.one', 'P', 'P'), pair('p#1', 'x.one', 'P', 'P')], [])).toThrow(/"p#1" appears twice in model A/);
  });
});
