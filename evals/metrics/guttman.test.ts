import { describe, expect, it } from 'vitest';
import { guttmanErrors, type GuttmanProbe } from './guttman';

function probes(rows: Array<[difficulty: number, tier: 'easy' | 'hard', passed: boolean]>): GuttmanProbe[] {
  return rows.map(([difficulty, tier, passed], index) => ({ id: `p${index}`, difficulty, tier, passed }));
}

describe('guttmanErrors', () => {
  it.each([
    {
      // Easiest first: A✓ B✗ C✓ D✗ E✓. Errors: (B,C), (B,E), (D,E). S = 3, I = 5, S·(I − S) = 6.
      name: 'a mixed pattern',
      rows: [[0.9, 'easy', true], [0.8, 'easy', false], [0.5, 'hard', true], [0.2, 'hard', false], [0.1, 'hard', true]],
      G: 3, Gnormed: 0.5, S: 3, I: 5,
    },
    {
      name: 'a perfect Guttman pattern',
      rows: [[0.9, 'easy', true], [0.7, 'easy', true], [0.4, 'hard', false], [0.1, 'hard', false]],
      G: 0, Gnormed: 0, S: 2, I: 4,
    },
    {
      name: 'the reversed pattern',
      rows: [[0.9, 'easy', false], [0.7, 'easy', false], [0.4, 'hard', true], [0.1, 'hard', true]],
      G: 4, Gnormed: 1, S: 2, I: 4,
    },
    {
      name: 'input order does not matter',
      rows: [[0.1, 'hard', true], [0.4, 'hard', true], [0.7, 'easy', false], [0.9, 'easy', false]],
      G: 4, Gnormed: 1, S: 2, I: 4,
    },
    {
      // Same difficulty: the declared easy probe counts as easier.
      name: 'tie broken by tier: easy failed, hard passed is an error',
      rows: [[0.5, 'hard', true], [0.5, 'easy', false]],
      G: 1, Gnormed: 1, S: 1, I: 2,
    },
    {
      name: 'tie broken by tier: easy passed, hard failed is not',
      rows: [[0.5, 'hard', false], [0.5, 'easy', true]],
      G: 0, Gnormed: 0, S: 1, I: 2,
    },
    {
      // Tied on difficulty AND tier: neither is easier, so never an error, in either order.
      name: 'a full tie is never an error',
      rows: [[0.5, 'easy', false], [0.5, 'easy', true], [0.9, 'easy', false]],
      G: 1, Gnormed: 0.5, S: 1, I: 3,
    },
    { name: 'all passed', rows: [[0.9, 'easy', true], [0.1, 'hard', true]], G: 0, Gnormed: null, S: 2, I: 2 },
    { name: 'all failed', rows: [[0.9, 'easy', false], [0.1, 'hard', false]], G: 0, Gnormed: null, S: 0, I: 2 },
    { name: 'empty', rows: [], G: 0, Gnormed: null, S: 0, I: 0 },
  ] as Array<{ name: string; rows: Array<[number, 'easy' | 'hard', boolean]>; G: number; Gnormed: number | null; S: number; I: number }>)(
    '$name',
    ({ rows, G, Gnormed, S, I }) => {
      expect(guttmanErrors(probes(rows))).toEqual({ G, Gnormed, S, I });
    },
  );

  it('matches a brute-force count over all pairs on random patterns', () => {
    let seed = 17;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 50; trial++) {
      const rows = Array.from({ length: 30 }, (): [number, 'easy' | 'hard', boolean] => [
        Math.round(random() * 5) / 5,
        random() < 0.5 ? 'easy' : 'hard',
        random() < 0.5,
      ]);
      const list = probes(rows);
      const easier = (a: GuttmanProbe, b: GuttmanProbe) =>
        a.difficulty > b.difficulty || (a.difficulty === b.difficulty && a.tier === 'easy' && b.tier === 'hard');
      let brute = 0;
      for (const a of list) for (const b of list) if (easier(a, b) && !a.passed && b.passed) brute++;
      expect(guttmanErrors(list).G).toBe(brute);
    }
  });
});
