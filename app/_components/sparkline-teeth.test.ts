import { describe, expect, it } from 'vitest';
import { sparkTeeth, type SparkPoint } from './sparkline-teeth';

const profile = (pairs: Array<[number | null, number | null]>): SparkPoint[] =>
  pairs.flatMap(([easy, hard], i) => [
    { family: `d.f${i}`, tier: 'easy' as const, acc: easy },
    { family: `d.f${i}`, tier: 'hard' as const, acc: hard },
  ]);

describe('sparkTeeth', () => {
  it('draws one tooth per family, easy on the left at its height, hard on the right', () => {
    const teeth = sparkTeeth(profile([[1, 0], [0.5, 0.5]]), 150, 32);
    expect(teeth.map((t) => t.family)).toEqual(['d.f0', 'd.f1']);
    // 0..1 maps to y 29..3 (3 px padding): easy 100% at the top, hard 0% at the bottom.
    expect(teeth[0]!.d).toMatch(/^M[\d.]+ 3\.0L[\d.]+ 29\.0$/);
    expect(teeth[1]!.d).toMatch(/^M[\d.]+ 16\.0L[\d.]+ 16\.0$/);
  });

  it('gives two models with different profiles different shapes', () => {
    const a = sparkTeeth(profile([[0.9, 0.4], [0.8, 0.7], [0.6, 0.1]]), 150, 32).map((t) => t.d);
    const b = sparkTeeth(profile([[0.3, 0.2], [0.9, 0.1], [0.5, 0.5]]), 150, 32).map((t) => t.d);
    expect(a).not.toEqual(b);
  });

  it('leaves out families without data so the evaluated ones keep their size, and keeps a one-tier family as a dot', () => {
    const teeth = sparkTeeth(profile([[null, null], [0.9, 0.4], [null, null], [null, 0.5]]), 150, 32);
    expect(teeth.map((t) => t.family)).toEqual(['d.f1', 'd.f3']);
    expect(teeth[1]!.d).toMatch(/h0\.1$/);
    // Two teeth do not stretch across the whole width: each slot is at most 12 px.
    const xs = teeth.flatMap((t) => [...t.d.matchAll(/[ML]([\d.]+) /g)].map((m) => Number(m[1])));
    expect(Math.max(...xs)).toBeLessThanOrEqual(3 + 2 * 12);
  });

  it('marks a tooth that climbs (hard above easy)', () => {
    expect(sparkTeeth(profile([[0.2, 0.9], [0.9, 0.2]]), 150, 32).map((t) => t.climbs)).toEqual([true, false]);
  });

  it('keeps 28 families inside the width', () => {
    const teeth = sparkTeeth(profile(Array.from({ length: 28 }, (_, i) => [i / 28, 1 - i / 28] as [number, number])), 150, 32);
    const xs = teeth.flatMap((t) => [...t.d.matchAll(/[ML]([\d.]+) /g)].map((m) => Number(m[1])));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...xs)).toBeLessThanOrEqual(147);
  });
});
