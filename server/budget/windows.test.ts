import { expect, it } from 'vitest';
import { maxInAnyWindow } from './windows';

it('counts the most events in any half-open window', () => {
  expect(maxInAnyWindow([], 100)).toBe(0);
  expect(maxInAnyWindow([0, 100, 200], 100)).toBe(1); // 100 apart: never in one window of 100
  expect(maxInAnyWindow([0, 99, 100, 150], 100)).toBe(3); // 99, 100, 150
  expect(maxInAnyWindow([300, 0, 50, 10], 100)).toBe(3);
});
