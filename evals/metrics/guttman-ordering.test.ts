import { describe, expect, it } from 'vitest';
import type { GuttmanProbe } from './guttman';
import { guttmanOrdering, probeDifficulty } from './guttman-ordering';

const probe = (id: string, difficulty: number, passed: boolean, tier: 'easy' | 'hard' = 'easy'): GuttmanProbe => ({ id, tier, passed, difficulty });

describe('guttmanOrdering', () => {
  it.each([
    { name: 'empty', input: [], order: [], out: [], G: 0 },
    { name: 'all pass', input: [probe('b', 0.2, true), probe('a', 0.9, true)], order: ['a', 'b'], out: [], G: 0 },
    { name: 'all fail', input: [probe('b', 0.2, false), probe('a', 0.9, false)], order: ['a', 'b'], out: [], G: 0 },
    // Perfect pattern: easy passed, hard failed.
    { name: 'perfect', input: [probe('a', 0.9, true), probe('b', 0.5, true), probe('c', 0.1, false)], order: ['a', 'b', 'c'], out: [], G: 0 },
    // a (easiest) failed, c (hardest) passed: pairs (a, b) and (a, c) are errors: G = 2; a and c are out of order,
    // and b (passed, after failed a) too.
    { name: 'one reversal', input: [probe('c', 0.1, true), probe('a', 0.9, false), probe('b', 0.5, true)], order: ['a', 'b', 'c'], out: ['a', 'b', 'c'], G: 2 },
    // Tied on difficulty and tier: never out of order; listed by id.
    { name: 'ties', input: [probe('y', 0.5, true), probe('x', 0.5, false)], order: ['x', 'y'], out: [], G: 0 },
    // Same difficulty, easy before hard: an easy failure and a hard pass is an error.
    { name: 'tier breaks a tie', input: [probe('h', 0.5, true, 'hard'), probe('e', 0.5, false)], order: ['e', 'h'], out: ['e', 'h'], G: 1 },
  ])('$name', ({ input, order, out, G }) => {
    const result = guttmanOrdering(input);
    expect(result.order.map((p) => p.id)).toEqual(order);
    expect(result.order.map((p) => p.rank)).toEqual(order.map((_, i) => i));
    expect(result.order.filter((p) => p.outOfOrder).map((p) => p.id)).toEqual(out);
    expect(result.G).toBe(G);
  });
});

describe('probeDifficulty', () => {
  it('pools graded samples over models and leaves ungraded probes out', () => {
    const a = new Map([['p1', { pass: 1, fail: 0 }], ['p2', { pass: 0, fail: 1 }], ['p3', { pass: 0, fail: 0 }]]);
    const b = new Map([['p1', { pass: 1, fail: 1 }], ['p2', { pass: 0, fail: 3 }]]);
    expect(probeDifficulty([a, b])).toEqual(new Map([['p1', 2 / 3], ['p2', 0]]));
    expect(probeDifficulty([])).toEqual(new Map());
  });
});
