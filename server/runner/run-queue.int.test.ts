import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { upsertModel } from '../../db/queries/models';
import { runPage } from '../../db/queries/run-page';
import { runDiff, runLogRows, runResultsPage } from '../../db/queries/run-results';
import { insertQueuedRun } from '../../db/queries/run-writes';
import { getRun, listRuns } from '../../db/queries/runs';
import { jsonValue } from '../../db/store/dialect-sql';
import { openStore, type SqlRunner, type Store } from '../../db/store';
import { arithmeticModel } from '../../testing/arithmetic-suite';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';
import { ResponseCache } from './cache/response-cache';
import { storeRunScope } from './model-scope';
import { ResultRecorder, type ResultRow } from './result-recorder';
import { cancelRun, resumeRun, retryRunErrors } from './run-control';
import { createSqlRunQueue } from './run-queue';
import { runErrorSummary, runTotals } from './run-totals';
import { runVerdict } from './run-verdict';
import { pendingWork, type WorkItem } from './work-items';

// The runner's own statements on both engines, without a model endpoint: the lease queue (including claims racing
// from several connections), the recorder's exactly-once batches, pending work, run control, totals and the run
// pages' reads. The suite and model rows are written here directly so that nothing else than the runner's queries is
// under test (whole runs: durable-run, run-control, store-retry, sampling-cache, model-scope, eval CLI).

const PAIRS = 6;
const FAMILIES = ['synthetic.addition', 'synthetic.subtraction'] as const;

/** One suite of PAIRS pairs over two families; returns its key and its probe keys in pair order (easy, hard). */
async function seedSuite(db: SqlRunner, suiteId: string): Promise<{ suiteKey: number; probeKeys: number[] }> {
  for (const family of FAMILIES) {
    await db.run(sql`
      INSERT INTO families (id, domain, title, description, pair_rule) VALUES (${family}, 'synthetic', ${family}, '', 'rule')
      ON CONFLICT (id) DO NOTHING`);
  }
  const suite = await db.get<{ key: number }>(sql`
    INSERT INTO suites (id, version, title) VALUES (${suiteId}, '1', ${suiteId}) RETURNING key`);
  const probeKeys: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const family = FAMILIES[i % 2]!;
    const keys: number[] = [];
    for (const tier of ['easy', 'hard'] as const) {
      const probe = await db.get<{ key: number }>(sql`
        INSERT INTO probes (suite_id, id, content_hash, family_id, domain, tier, prompt, answer, grader)
        VALUES (${suiteId}, ${`p${i}-${tier}`}, ${`h${i}${tier}`}, ${family}, 'synthetic', ${tier}, ${`What is ${i} + ${tier === 'easy' ? 1 : 100}? Résumé`},
          ${String(i + (tier === 'easy' ? 1 : 100))}, ${jsonValue(db, JSON.stringify({ kind: 'numeric' }))})
        RETURNING key`);
      keys.push(probe!.key);
    }
    await db.run(sql`
      INSERT INTO suite_pairs (suite_key, pair_id, family_id, easy_probe_key, hard_probe_key, position)
      VALUES (${suite!.key}, ${`pair-${i}`}, ${family}, ${keys[0]!}, ${keys[1]!}, ${i})`);
    probeKeys.push(...keys);
  }
  return { suiteKey: suite!.key, probeKeys };
}

function resultRow(runId: number, probeKey: number, sample: number, outcome: ResultRow['outcome'], response = 'The answer is 1.'): ResultRow {
  return {
    runId, modelId: 'arith-model', probeKey, familyId: FAMILIES[0], domain: 'synthetic', tier: 'easy', sample, outcome,
    errorKind: outcome === 'error' ? 'timeout' : null, response: outcome === 'error' ? null : response, extracted: null,
    reason: outcome, latencyMs: 10 * sample + probeKey, promptTokens: 3, completionTokens: 4, costUsd: outcome === 'error' ? null : 0.5,
    ticks: null, telemetry: outcome === 'pass' ? { ticksUsed: 3 } : null,
  };
}

async function pendingOf(db: SqlRunner, runId: number, suiteKey: number, samples: number, families: string[] | null = null): Promise<WorkItem[]> {
  const items: WorkItem[] = [];
  for await (const item of pendingWork(db, runId, suiteKey, samples, families)) items.push(item);
  return items;
}

describeEachBackend('the run queue, recorder and run control on the store', (dialect) => {
  let database: TestDatabase;
  let store: Store;
  let suite: { suiteKey: number; probeKeys: number[] };
  const queue = (db: SqlRunner, now = Date.now) => createSqlRunQueue(db, now);
  const newRun = (settings: object = { samples: 1 }, expected = PAIRS * 2) =>
    insertQueuedRun(store, { modelId: 'arith-model', suiteKey: suite.suiteKey, settings, samples: 1, temperature: null, expected });

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    store = database.store;
    await upsertModel(store, arithmeticModel('http://127.0.0.1:9/v1'));
    suite = await seedSuite(store, 'queue-suite');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('claims the oldest queued run, keeps the lease with heartbeats, and ends it', async () => {
    await store.run(sql`UPDATE runs SET status = 'cancelled'`); // runs of earlier tests leave the queue
    const first = await newRun({ samples: 1, cache: true });
    const second = await newRun();
    let t = 1_000_000;
    const q = queue(store, () => t);
    const claimed = await q.claim('w1', 500);
    expect(claimed).toEqual({ id: first, modelId: 'arith-model', suiteKey: suite.suiteKey, settings: { samples: 1, cache: true } });
    expect(await q.claim('w2', 500, first)).toBeNull(); // held
    expect((await q.claim('w2', 500))?.id).toBe(second);
    expect(await q.claim('w3', 500)).toBeNull(); // nothing left

    t += 400;
    expect(await q.heartbeat(first, 'w1', 5_000)).toBe(true);
    expect(await q.heartbeat(first, 'w2', 5_000)).toBe(false); // not w2's lease
    t += 600; // w2 never beat: its lease on `second` expired; w1's beat keeps `first`
    expect((await q.claim('w3', 500))?.id).toBe(second);
    expect(await q.heartbeat(second, 'w2', 500)).toBe(false); // taken over: w2 must stop

    await q.finish(first, 'w1', 'completed');
    await q.release(second, 'w3');
    const ended = await getRun(store, first);
    expect(ended).toMatchObject({ status: 'completed', finishedAt: t, startedAt: 1_000_000 });
    expect(await store.get(sql`SELECT lease_owner AS owner, status FROM runs WHERE id = ${second}`)).toEqual({ owner: null, status: 'running' });
    expect((await q.claim('w4', 500))?.id).toBe(second); // released: claimable at once
    await q.finish(second, 'w9', 'failed', 'not mine'); // not w9's: nothing changes
    expect((await getRun(store, second))?.status).toBe('running');
    await q.finish(second, 'w4', 'failed', 'why');
    expect(await getRun(store, second)).toMatchObject({ status: 'failed', message: 'why' });
  });

  it('hands each run to exactly one of many workers claiming at once from separate connections', async () => {
    await store.run(sql`UPDATE runs SET status = 'cancelled' WHERE status IN ('queued', 'running')`);
    const ids: number[] = [];
    for (let i = 0; i < 24; i++) ids.push(await newRun());
    // Separate connections (SQLite: other connections to the file; PostgreSQL: other pools), as separate processes.
    const others = await Promise.all(Array.from({ length: 4 }, () => openStore(database.target)));
    try {
      const claims = await Promise.all(
        others.flatMap((other, w) => Array.from({ length: 8 }, (_, k) => queue(other).claim(`w${w}-${k}`, 60_000))),
      );
      const got = claims.filter((c) => c !== null).map((c) => c.id);
      expect(got).toHaveLength(24); // 32 claims, 24 runs: every run claimed …
      expect(new Set(got).size).toBe(24); // … by exactly one claim
      expect(got.sort((a, b) => a - b)).toEqual(ids);
      const owners = await store.all<{ owner: string }>(sql`SELECT DISTINCT lease_owner AS owner FROM runs WHERE status = 'running'`);
      expect(owners).toHaveLength(24);
    } finally {
      await Promise.all(others.map((other) => other.close()));
    }
  });

  it('stores each (run, probe, sample) once, counting only rows really inserted, with side writes in the same commit', async () => {
    const runId = await newRun();
    const cache = new ResponseCache(store);
    const flushed: number[] = [];
    const a = new ResultRecorder(store, { maxBatch: 3, maxDelayMs: 1, onFlush: (n) => flushed.push(n) });
    const b = new ResultRecorder(store, { maxBatch: 100, maxDelayMs: 1 });
    const [k0, k1, k2] = suite.probeKeys;
    a.add(resultRow(runId, k0!, 1, 'pass'), cache.put('key-1', 'http://e', 'm', { ok: true, text: 'hi', finishReason: 'stop', latencyMs: 5 }));
    a.add(resultRow(runId, k1!, 1, 'fail'));
    a.add(resultRow(runId, k2!, 1, 'error'));
    a.add(resultRow(runId, k2!, 2, 'refusal'));
    await a.close();
    // A second recorder (a worker that lost its lease) writes one of the same keys again, and one new one.
    b.add(resultRow(runId, k0!, 1, 'fail'));
    b.add(resultRow(runId, k1!, 2, 'pass'));
    await b.close();
    expect(flushed.reduce((x, y) => x + y, 0)).toBe(4);

    const rows = await store.all<{ probeKey: number; sample: number; outcome: string; telemetry: string | null }>(sql`
      SELECT probe_key AS "probeKey", sample, outcome, telemetry FROM results WHERE run_id = ${runId} ORDER BY probe_key, sample`);
    expect(rows.map((r) => [r.probeKey, r.sample, r.outcome])).toEqual([[k0, 1, 'pass'], [k1, 1, 'fail'], [k1, 2, 'pass'], [k2, 1, 'error'], [k2, 2, 'refusal']]);
    expect(JSON.parse(rows[0]!.telemetry!)).toEqual({ ticksUsed: 3 });
    const run = (await getRun(store, runId))!;
    expect({ pass: run.passCount, fail: run.failCount, error: run.errorCount, refusal: run.refusalCount }).toEqual({ pass: 2, fail: 1, error: 1, refusal: 1 });
    expect(run.costUsd).toBeCloseTo(2, 12); // 4 answers × 0.5; errors cost nothing
    expect(await cache.get('key-1')).toMatchObject({ ok: true, text: 'hi' });
    expect(await cache.get('key-2')).toBeUndefined();

    // Pending work is what is not stored yet: 12 probes × 2 samples − 5 stored.
    const pending = await pendingOf(store, runId, suite.suiteKey, 2);
    expect(pending).toHaveLength(PAIRS * 2 * 2 - 5);
    expect(pending.some((w) => w.probeKey === k0 && w.sample === 1)).toBe(false);
    expect(pending[0]!.grader).toEqual({ kind: 'numeric' });
    const scoped = await pendingOf(store, runId, suite.suiteKey, 1, [FAMILIES[1]]);
    expect(new Set(scoped.map((w) => w.familyId))).toEqual(new Set([FAMILIES[1]]));

    const totals = await runTotals(store, runId);
    expect(totals).toMatchObject({ promptTokens: 15, completionTokens: 20 });
    expect(totals.latencyMeanMs).not.toBeNull();
    expect(await runErrorSummary(store, runId)).toEqual([expect.objectContaining({ kind: 'timeout', n: 1 })]);
    expect(await runVerdict(store, runId)).toMatchObject({ status: 'failed', message: expect.stringMatching(/stored 5 of 12 results/) });
    expect(await ResponseCache.clear(store, 'http://e')).toBe(1);
  });

  it('a batch that cannot be stored stays in memory and fails the recorder: nothing half-written', async () => {
    const runId = await newRun();
    const recorder = new ResultRecorder(store, { maxBatch: 10, maxDelayMs: 1 });
    recorder.add(resultRow(runId, suite.probeKeys[0]!, 1, 'pass'));
    recorder.add(resultRow(runId, 987_654, 1, 'pass')); // no such probe: the foreign key refuses the batch
    await expect(recorder.close()).rejects.toThrow(/foreign key|FOREIGN KEY/);
    expect(recorder.pending).toBe(2);
    expect(await store.get(sql`SELECT count(*) AS n FROM results WHERE run_id = ${runId}`)).toEqual({ n: 0 });
    expect((await getRun(store, runId))?.passCount).toBe(0);
  });

  it('cancels, resumes and retries the errors of a run; fixes its scope once', async () => {
    const runId = await newRun();
    const q = queue(store);
    await store.run(sql`UPDATE runs SET status = 'cancelled' WHERE status = 'queued' AND id <> ${runId}`);
    expect((await q.claim('w1', 60_000, runId))?.id).toBe(runId);
    const recorder = new ResultRecorder(store);
    suite.probeKeys.forEach((key, i) => recorder.add(resultRow(runId, key, 1, i % 3 === 0 ? 'error' : 'pass')));
    await recorder.close();
    await expect(resumeRun(store, runId, { now: Date.now(), host: 'here', isAlive: () => true })).rejects.toThrow(/is running: worker w1 holds its lease/);
    await cancelRun(store, runId);
    expect(await q.heartbeat(runId, 'w1', 60_000)).toBe(false); // the worker sees the cancel at its next beat
    await expect(cancelRun(store, runId)).rejects.toThrow(/is cancelled: only a queued or running run can be cancelled/);
    await expect(retryRunErrors(store, 999_999)).rejects.toThrow(/no run with id 999999/);
    expect(await retryRunErrors(store, runId)).toBe(4);
    const requeued = (await getRun(store, runId))!;
    expect(requeued).toMatchObject({ status: 'queued', errorCount: 0, passCount: 8, finishedAt: null });
    await expect(resumeRun(store, runId)).rejects.toThrow(/already queued/);
    expect(await pendingOf(store, runId, suite.suiteKey, 1)).toHaveLength(4);

    expect(await storeRunScope(store, runId, suite.suiteKey, [FAMILIES[0]], 2)).toEqual([FAMILIES[0]]);
    expect(await storeRunScope(store, runId, suite.suiteKey, null, 2)).toEqual([FAMILIES[0]]); // kept once fixed
    expect((await getRun(store, runId))?.expected).toBe(PAIRS * 2); // 3 pairs of the family × 2 probes × 2 samples
  });

  it('reads runs and results for the pages: filters, search, diff and log', async () => {
    const before = await newRun();
    const after = await newRun();
    const [k0, k1] = suite.probeKeys;
    const recorder = new ResultRecorder(store);
    recorder.add(resultRow(before, k0!, 1, 'pass', 'Das ERGEBNIS 100% ist_1'));
    recorder.add(resultRow(before, k1!, 1, 'fail'));
    recorder.add(resultRow(after, k0!, 1, 'fail'));
    recorder.add(resultRow(after, k1!, 1, 'fail'));
    await recorder.close();

    const page = await runPage(store, { status: 'queued', ids: [before, after, 999], limit: 1, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.id)).toEqual([after]);
    expect(page.rows[0]).toMatchObject({ modelLabel: 'Arithmetic test model', suiteId: 'queue-suite', settings: { samples: 1 } });
    expect((await listRuns(store, { modelId: 'arith-model', limit: 2 })).map((r) => r.id)).toEqual([after, before]);

    // Search is case-insensitive on both engines, and %/_ are taken literally.
    expect((await runResultsPage(store, before, { q: 'ergebnis 100%', limit: 10, offset: 0 })).total).toBe(1);
    expect((await runResultsPage(store, before, { q: 'ist_1', limit: 10, offset: 0 })).total).toBe(1);
    expect((await runResultsPage(store, before, { q: 'ist%1', limit: 10, offset: 0 })).total).toBe(0);
    expect((await runResultsPage(store, before, { q: 'résumé', limit: 10, offset: 0 })).total).toBe(2); // in the prompt
    const fails = await runResultsPage(store, before, { outcome: 'fail', tier: 'easy', family: FAMILIES[0], limit: 10, offset: 0 });
    expect(fails.rows.map((r) => r.outcome)).toEqual(['fail']);

    const diff = await runDiff(store, before, after);
    expect(diff).toMatchObject({ same: 1, onlyBefore: 0, onlyAfter: 0 });
    expect(diff.changed).toEqual([expect.objectContaining({ probeId: 'p0-easy', before: { pass: 1, fail: 0, error: 0 }, after: { pass: 0, fail: 1, error: 0 } })]);
    const log = await runLogRows(store, before);
    expect(log.map((r) => [r.probeId, r.outcome])).toEqual([['p0-easy', 'pass'], ['p0-hard', 'fail']]);
    expect(typeof log[0]!.createdAt).toBe('number');
  });
});
