import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chunksLeft } from '../../db/queries/run-chunks';
import { openStore } from '../../db/store/open-store';
import { jsonValue } from '../../db/store/dialect-sql';
import type { SqlRunner } from '../../db/store/store';
import { availableDialects, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';
import { PgChunkQueue } from './chunk-queue';


/**
 * A queued run over a tiny made-up suite, written with plain SQL on either engine: for tests of the queue itself
 * (chunking, claims, completion), which never send a request. Pair i sits at position 10·i.
 */
async function queueTinyRun(
  db: SqlRunner,
  opts: { pairs: number; samples?: number; suiteId?: string },
): Promise<{ runId: number; suiteKey: number }> {
  const suiteId = opts.suiteId ?? 'tiny';
  const samples = opts.samples ?? 1;
  await db.run(sql`INSERT INTO families (id, title, domain, description, pair_rule) VALUES ('tiny.add', 'Tiny', 'synthetic', '', '')
    ON CONFLICT (id) DO NOTHING`);
  await db.run(sql`INSERT INTO models (id, label, base_url, model_name) VALUES ('tiny-model', 'Tiny', 'http://127.0.0.1:9/v1', 'tiny')
    ON CONFLICT (id) DO NOTHING`);
  const suite = (await db.get<{ key: number }>(sql`
    INSERT INTO suites (id, version, title) VALUES (${suiteId}, 'v1', 'Tiny') RETURNING key`))!;
  const grader = jsonValue(db, JSON.stringify({ type: 'exact' }));
  for (let i = 0; i < opts.pairs; i++) {
    const keys: number[] = [];
    for (const tier of ['easy', 'hard'] as const) {
      const row = await db.get<{ key: number }>(sql`
        INSERT INTO probes (suite_id, id, content_hash, family_id, domain, tier, prompt, answer, grader)
        VALUES (${suiteId}, ${`tiny.add#${i}/${tier}`}, 'h', 'tiny.add', 'synthetic', ${tier}, ${`${i} + 1 = ?`}, ${String(i + 1)}, ${grader})
        RETURNING key`);
      keys.push(row!.key);
    }
    await db.run(sql`INSERT INTO suite_pairs (suite_key, pair_id, family_id, easy_probe_key, hard_probe_key, position)
      VALUES (${suite.key}, ${`tiny.add#${i}`}, 'tiny.add', ${keys[0]!}, ${keys[1]!}, ${i * 10})`);
  }
  const run = await db.get<{ id: number }>(sql`
    INSERT INTO runs (model_id, suite_key, settings, samples, expected)
    VALUES ('tiny-model', ${suite.key}, ${jsonValue(db, JSON.stringify({ samples, concurrency: 1 }))}, ${samples}, ${opts.pairs * 2 * samples})
    RETURNING id`);
  return { runId: run!.id, suiteKey: suite.key };
}

const runStatus = async (db: TestDatabase, id: number) =>
  (await db.store.get<{ status: string }>(sql`SELECT status FROM runs WHERE id = ${id}`))!.status;

/** Waits for a condition with a generous deadline (no timing is asserted, only that it happens). */
async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string, deadlineMs = 60_000): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

(availableDialects().includes('pg') ? describe : describe.skip)('the chunked run queue on pg-boss [PostgreSQL]', () => {
  let database: TestDatabase;
  const queues: PgChunkQueue[] = [];
  const open = async (leaseMs = 30_000) => {
    const queue = await PgChunkQueue.open(database.store, { leaseMs, maintenanceSeconds: 1, targetRequests: 8 });
    queues.push(queue);
    return queue;
  };
  beforeEach(async () => {
    database = await freshDatabase('pg');
  });
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.close()));
    await database.drop();
  });

  it('plans a queued run into chunks once, hands each chunk to one worker, and ends the run exactly once', async () => {
    const { runId } = await queueTinyRun(database.store, { pairs: 10, samples: 2 }); // 4 requests a pair: 2 pairs a chunk
    const [a, b] = [await open(), await open()];
    const ranges: number[][] = [];
    const lasts: boolean[] = [];
    for (let i = 0; ; i++) {
      const worker = i % 2 === 0 ? a : b;
      const claim = await worker.claim(`w${i % 2}`);
      if (!claim) break;
      if (i >= 5) throw new Error('a chunk was handed out twice');
      ranges.push([claim.chunk, claim.positions.first, claim.positions.last]);
      expect(await runStatus(database, runId)).toBe('running');
      lasts.push(await worker.chunkDone(runId, `w${i % 2}`));
    }
    expect(ranges.sort((x, y) => x[0]! - y[0]!)).toEqual([[0, 0, 10], [1, 20, 30], [2, 40, 50], [3, 60, 70], [4, 80, 90]]);
    // Only the last chunk done reports the run over; marking a chunk done again changes nothing.
    expect(lasts).toEqual([false, false, false, false, true]);
    expect(await a.chunkDone(runId, 'again')).toBe(false);
    expect(await chunksLeft(database.store, runId)).toBe(0);
    const done = await database.store.all<{ doneBy: string }>(sql`SELECT done_by AS "doneBy" FROM run_chunks WHERE run_id = ${runId} ORDER BY chunk`);
    expect(new Set(done.map((d) => d.doneBy))).toEqual(new Set(['w0', 'w1']));
    expect(await b.finish(runId, 'w1', 'completed')).toBe(true);
    expect(await a.finish(runId, 'w0', 'completed')).toBe(false); // a second end changes nothing
    expect(await runStatus(database, runId)).toBe('completed');
  });

  it('a chunk whose worker stops heartbeating is claimed again after its lease; the old holder learns it lost it', async () => {
    const { runId } = await queueTinyRun(database.store, { pairs: 2 }); // one chunk of 4 requests
    const dead = await open(1_000);
    const claim = await dead.claim('dead');
    expect(claim?.chunk).toBe(0);
    expect(await dead.heartbeat(runId)).toBe(true);
    const other = await open(1_000);
    expect(await other.claim('other')).toBeNull(); // held and alive
    // The holder goes silent: after its lease and a maintenance pass, pg-boss retries the job and another worker gets it.
    const again = await eventually(() => other.claim('other'), 'the expired chunk to be claimed again');
    expect(again.chunk).toBe(0);
    expect(await dead.heartbeat(runId)).toBe(false);
    expect(await other.heartbeat(runId)).toBe(true);
    expect(await other.chunkDone(runId, 'other')).toBe(true);
  });

  it('a heartbeating holder keeps its chunk past its lease (the beat moves pg-boss\'s expiry)', async () => {
    const { runId } = await queueTinyRun(database.store, { pairs: 2 });
    const holder = await open(3_000);
    const other = await open(3_000);
    expect((await holder.claim('holder'))?.chunk).toBe(0);
    // Beats every 250 ms for 5 s (the lease is 3 s, maintenance runs every second): never taken over.
    for (let i = 0; i < 20; i++) {
      expect(await holder.heartbeat(runId)).toBe(true);
      expect(await other.claim('other')).toBeNull();
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await holder.chunkDone(runId, 'holder')).toBe(true);
  });

  it('a released chunk is claimable at once; a cancelled run\'s holder is told to stop; a resumed run is planned anew', async () => {
    const { runId } = await queueTinyRun(database.store, { pairs: 8 }); // two chunks of 8 requests
    const [q, other] = [await open(), await open()];
    const first = await q.claim('q');
    await q.release(runId);
    // The released chunk went to a fresh job: both chunks are claimable now (the older job first).
    const again = await other.claim('other');
    const next = await q.claim('q');
    expect(first).not.toBeNull();
    expect([again?.chunk, next?.chunk].sort()).toEqual([0, 1]);
    // Cancel: the holders' next heartbeat says stop.
    await database.store.run(sql`UPDATE runs SET status = 'cancelled' WHERE id = ${runId}`);
    expect(await q.heartbeat(runId)).toBe(false);
    expect(await other.heartbeat(runId)).toBe(false);
    // Resume (run-control sets it queued): planned again with fresh jobs; the old ones are skipped.
    await database.store.run(sql`UPDATE runs SET status = 'queued', lease_owner = NULL WHERE id = ${runId}`);
    const third = await open();
    const fourth = await open();
    const claims = [await third.claim('x'), await fourth.claim('y'), await third.claim('x')];
    expect(claims.slice(0, 2).map((c) => c!.chunk).sort()).toEqual([0, 1]);
    expect(claims[2]).toBeNull();
    expect(await runStatus(database, runId)).toBe('running');
  });

  it('two planners racing on one queued run plan it once', async () => {
    const { runId } = await queueTinyRun(database.store, { pairs: 8 }); // two chunks
    const others = [await openStore(database.target), await openStore(database.target)];
    try {
      const [a, b] = await Promise.all(others.map((s) => PgChunkQueue.open(s, { maintenanceSeconds: 1, targetRequests: 8 })));
      queues.push(a!, b!);
      const claimed = (await Promise.all([a!.claim('a'), b!.claim('b'), a!.claim('a'), b!.claim('b')])).filter(Boolean);
      expect(claimed.map((c) => c!.chunk).sort()).toEqual([0, 1]);
      const rows = await database.store.all<{ n: number }>(sql`SELECT count(*) AS "n" FROM run_chunks WHERE run_id = ${runId}`);
      expect(rows[0]!.n).toBe(2);
    } finally {
      await Promise.all(queues.splice(0).map((q) => q.close()));
      await Promise.all(others.map((s) => s.close()));
    }
  });
});
