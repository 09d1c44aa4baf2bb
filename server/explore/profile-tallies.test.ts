import { describe, expect, it } from 'vitest';
import { tierOutcome } from './profile-tallies';

describe('tierOutcome: one tier of a pair in one sample', () => {
  it.each([
    ['pass', null, 'pass'],
    ['fail', null, 'fail'],
    [undefined, null, null],
    ['pass', 'pass', 'pass'],
    ['fail', 'fail', 'fail'],
    ['pass', 'fail', 'partial'],
    ['fail', 'pass', 'partial'],
    ['pass', 'error', 'error'],
    ['refusal', 'fail', 'refusal'],
    ['error', 'refusal', 'error'],
    ['pass', undefined, null],
  ] as const)('probe %s, twin %s → %s', (probe, twin, state) => {
    expect(tierOutcome(probe, twin)).toBe(state);
  });
});
