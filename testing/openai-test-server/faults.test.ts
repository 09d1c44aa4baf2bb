import { describe, expect, it } from 'vitest';
import { createFaultPicker, type Fault } from './faults';

const reset: Fault = { type: 'reset' };
const empty: Fault = { type: 'empty' };
const types = (pick: (prompt: string) => Fault | undefined, prompts: string[]) => prompts.map((p) => pick(p)?.type ?? '-');

describe('createFaultPicker', () => {
  it('applies a rule `times` times, then stops', () => {
    const pick = createFaultPicker([{ times: 2, fault: reset }]);
    expect(types(pick, ['a', 'b', 'c', 'd'])).toEqual(['reset', 'reset', '-', '-']);
  });

  it('applies an `every` rule to the n-th, 2n-th … matching request', () => {
    const pick = createFaultPicker([{ every: 3, fault: reset }]);
    expect(types(pick, ['1', '2', '3', '4', '5', '6', '7'])).toEqual(['-', '-', 'reset', '-', '-', 'reset', '-']);
  });

  it('combines every and times', () => {
    const pick = createFaultPicker([{ every: 2, times: 1, fault: reset }]);
    expect(types(pick, ['1', '2', '3', '4'])).toEqual(['-', 'reset', '-', '-']);
  });

  it('matches on the prompt, also with a global RegExp', () => {
    const pick = createFaultPicker([{ match: /hard/g, fault: reset }]);
    expect(types(pick, ['hard one', 'hard two', 'easy', 'hard three'])).toEqual(['reset', 'reset', '-', 'reset']);
  });

  it('lets the first applicable rule win, and later rules do not count that request', () => {
    const pick = createFaultPicker([
      { match: /x/, times: 1, fault: reset },
      { every: 2, fault: empty },
    ]);
    // 'x' → rule 1; then rule 2 counts 'x2'(1) 'y'(2 → empty) 'z'(3) 'w'(4 → empty).
    expect(types(pick, ['x', 'x2', 'y', 'z', 'w'])).toEqual(['reset', '-', 'empty', '-', 'empty']);
  });
});
