import { describe, expect, it } from 'vitest';
import { pairDirection } from './pair-direction';
import { probe } from './tally-builders';

describe('pairDirection', () => {
  // P pass, F outright fail, H partial fail (a twinned tier half right).
  it.each([
    { easy: 'F', hard: 'P', direction: 1 },
    { easy: 'P', hard: 'F', direction: -1 },
    { easy: 'H', hard: 'P', direction: 0 },
    { easy: 'F', hard: 'H', direction: 0 },
    { easy: 'P', hard: 'H', direction: 0 },
    { easy: 'H', hard: 'F', direction: 0 },
    { easy: 'P', hard: 'P', direction: 0 },
    { easy: 'F', hard: 'F', direction: 0 },
    // k = 2: hard passes more (1 vs ½) and easy fails outright more (½ vs 0).
    { easy: 'PF', hard: 'PP', direction: 1 },
    // hard passes more, but easy's non-pass was partial: no outright-fail excess, no evidence.
    { easy: 'PH', hard: 'PP', direction: 0 },
    { easy: 'PP', hard: 'FH', direction: -1 },
    // unequal k: hard 2/3 vs easy 1/2 passes, easy 1/2 vs hard 1/3 outright fails.
    { easy: 'PF', hard: 'PPF', direction: 1 },
  ])('easy $easy, hard $hard → $direction', ({ easy, hard, direction }) => {
    expect(pairDirection(probe(easy), probe(hard))).toBe(direction);
  });

  it('without partial compares pass rates only, as before twins', () => {
    expect(pairDirection({ pass: 1, fail: 2, error: 0 }, { pass: 2, fail: 1, error: 0 })).toBe(1);
    expect(pairDirection({ pass: 2, fail: 1, error: 4 }, { pass: 2, fail: 1, error: 0 })).toBe(0);
  });
});
