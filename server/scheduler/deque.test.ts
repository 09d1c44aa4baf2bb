import { describe, expect, it } from 'vitest';
import { Deque } from './deque';

describe('Deque', () => {
  it('is first-in first-out from the back, and puts pushFront items first', () => {
    const deque = new Deque<number>(2);
    deque.pushBack(1);
    deque.pushBack(2);
    deque.pushFront(0);
    deque.pushBack(3);
    expect(deque.length).toBe(4);
    expect([deque.popFront(), deque.popFront(), deque.popFront(), deque.popFront(), deque.popFront()]).toEqual([0, 1, 2, 3, undefined]);
    expect(deque.length).toBe(0);
  });

  it('keeps order across wrap-around and growth', () => {
    const deque = new Deque<number>(4);
    const expected: number[] = [];
    const got: number[] = [];
    let next = 0;
    // Interleave pushes and pops so the head walks around the ring many times while it grows.
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 3; i++) {
        deque.pushBack(next);
        expected.push(next++);
      }
      got.push(deque.popFront()!, deque.popFront()!);
    }
    while (deque.length > 0) got.push(deque.popFront()!);
    expect(got).toEqual(expected);
  });

  it('clears', () => {
    const deque = new Deque<string>();
    deque.pushBack('a');
    deque.clear();
    expect(deque.length).toBe(0);
    expect(deque.popFront()).toBeUndefined();
  });
});
