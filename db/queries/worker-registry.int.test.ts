import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';
import { heartbeatWorker, liveWorkers, removeWorker } from './worker-registry';

describeEachBackend('the worker registry', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await freshDatabase(dialect);
  });
  afterEach(async () => database.drop());

  it('lists workers that heartbeated within the TTL with what they work on; silent ones age out; a clean stop leaves at once', async () => {
    const db = database.store;
    await heartbeatWorker(db, { id: 'w1', host: 'gpu-1', pid: 11, runId: null, chunk: null, ttlMs: 30_000 });
    await heartbeatWorker(db, { id: 'w2', host: 'gpu-2', pid: 22, runId: null, chunk: null, ttlMs: 30_000 });
    await heartbeatWorker(db, { id: 'w1', host: 'gpu-1', pid: 11, runId: 7, chunk: 3, ttlMs: 30_000 });
    let live = await liveWorkers(db, 30_000);
    expect(live.map(({ id, host, pid, runId, chunk }) => ({ id, host, pid, runId, chunk }))).toEqual([
      { id: 'w1', host: 'gpu-1', pid: 11, runId: 7, chunk: 3 },
      { id: 'w2', host: 'gpu-2', pid: 22, runId: null, chunk: null },
    ]);
    expect(live.every((w) => w.heartbeatAgeMs >= 0 && w.heartbeatAgeMs < 30_000)).toBe(true);
    // w2 died a minute ago: not listed, and the next heartbeat of anyone removes its row.
    await db.run(sql`UPDATE workers SET heartbeat_at = heartbeat_at - 60000 WHERE id = 'w2'`);
    expect((await liveWorkers(db, 30_000)).map((w) => w.id)).toEqual(['w1']);
    await heartbeatWorker(db, { id: 'w1', host: 'gpu-1', pid: 11, runId: 7, chunk: 4, ttlMs: 30_000 });
    expect((await db.all(sql`SELECT id FROM workers`)).length).toBe(1);
    await removeWorker(db, 'w1');
    live = await liveWorkers(db, 30_000);
    expect(live).toEqual([]);
  });
});
