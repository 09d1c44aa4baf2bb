import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore } from '../../db/store/open-store';
import type { Store } from '../../db/store/store';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';
import { createRateBudget } from './rate-budget';
import { maxInAnyWindow } from './windows';

describeEachBackend('the shared rate budget', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await freshDatabase(dialect);
  });
  afterEach(async () => database.drop());

  it('grants L starts per window of W on an injected clock, then makes the next wait exactly until a slot frees', async () => {
    let now = 5_000_000;
    const waits: number[] = [];
    const budget = createRateBudget(database.store, {
      now: () => now,
      guardMs: 0,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    const limit = { requests: 3, perSeconds: 1 };
    const granted = [];
    for (let i = 0; i < 3; i++) granted.push(await budget.acquire('http://a/v1', limit));
    expect(granted).toEqual([5_000_000, 5_000_000, 5_000_000]);
    expect(waits).toEqual([]);
    now += 400;
    granted.push(await budget.acquire('http://a/v1', limit)); // the 4th waits 600 ms: 1000 after the first three
    expect(waits).toEqual([600]);
    expect(granted[3]).toBe(5_001_000);
    // Another endpoint has its own budget.
    expect(await budget.acquire('http://b/v1', limit)).toBe(now);
    expect(maxInAnyWindow(granted, 1000)).toBe(3);
  });

  it('with the guard, a slot is reused only W + guard after its grant, and a grant that came back too late is not used', async () => {
    let now = 7_000_000;
    let calls = 0;
    const answers: number[] = [];
    const budget = createRateBudget(database.store, {
      now: () => now,
      guardMs: 250,
      // The first grant takes 300 ms to come back (a busy database): it is dropped and the next slot asked for.
      elapsed: () => (++calls === 1 ? 0 : calls === 2 ? 300 : 300 + calls),
      sleep: async (ms) => void (now += ms),
    });
    const limit = { requests: 2, perSeconds: 1 };
    answers.push(await budget.acquire('http://a/v1', limit));
    expect(answers).toEqual([7_000_000]); // the second slot; the first was spent on the late grant
    answers.push(await budget.acquire('http://a/v1', limit)); // both slots spent at 7_000_000: wait W + guard
    expect(answers).toEqual([7_000_000, 7_001_250]);
  });

  it('a wait ends at once when its signal aborts, and the aborted request is not counted', async () => {
    let now = 9_000_000;
    const budget = createRateBudget(database.store, { now: () => now, guardMs: 0 });
    const limit = { requests: 1, perSeconds: 3600 };
    await budget.acquire('http://a/v1', limit);
    const abort = new AbortController();
    const waiting = budget.acquire('http://a/v1', limit, abort.signal);
    abort.abort(new Error('run cancelled'));
    await expect(waiting).rejects.toThrow('run cancelled');
    now += 3_600_000;
    // Had the aborted wait been counted, this one would have to wait another hour.
    expect(await budget.acquire('http://a/v1', limit)).toBe(now);
  });

  it('on the database clock, four connections acquiring at once never exceed L in any window of W', async () => {
    const others: Store[] = [];
    for (let i = 0; i < 3; i++) others.push(await openStore(database.target));
    try {
      const limit = { requests: 4, perSeconds: 0.25 };
      const stores = [database.store, ...others];
      const granted = (
        await Promise.all(
          stores.map(async (store) => {
            const budget = createRateBudget(store);
            const mine: number[] = [];
            for (let i = 0; i < 6; i++) mine.push(await budget.acquire('http://shared/v1', limit));
            return mine;
          }),
        )
      ).flat();
      expect(granted).toHaveLength(24);
      expect(maxInAnyWindow(granted, 250)).toBeLessThanOrEqual(4);
      // 24 starts at 4 per 250 ms span at least five full windows on the database's clock.
      expect(Math.max(...granted) - Math.min(...granted)).toBeGreaterThanOrEqual(5 * 250);
    } finally {
      await Promise.all(others.map((s) => s.close()));
    }
  });
});
