import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './login-throttle';

describe('login throttle (injected clock)', () => {
  it('locks the form after maxFailures in the window, and opens it when the oldest failure leaves', () => {
    let t = 0;
    const throttle = createLoginThrottle({ maxFailures: 3, windowMs: 60_000, now: () => t });
    for (let i = 0; i < 3; i++) {
      expect(throttle.waitSeconds()).toBe(0);
      throttle.failed();
      t += 1_000;
    }
    expect(throttle.waitSeconds()).toBe(57);
    t = 60_000;
    expect(throttle.waitSeconds()).toBe(0);
    throttle.failed();
    throttle.succeeded();
    expect(throttle.waitSeconds()).toBe(0);
  });
});
