import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { onAbort } from './on-abort';

describe('onAbort', () => {
  it('calls every subscriber still subscribed, through one listener on the signal', () => {
    const controller = new AbortController();
    const called: number[] = [];
    const unsubscribers = Array.from({ length: 50 }, (_, i) => onAbort(controller.signal, () => called.push(i)));
    unsubscribers[3]!();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    expect(called).toHaveLength(49);
    expect(called).not.toContain(3);
  });

  it('calls nothing after unsubscribing', () => {
    const controller = new AbortController();
    let calls = 0;
    onAbort(controller.signal, () => (calls += 1))();
    controller.abort();
    expect(calls).toBe(0);
  });
});
