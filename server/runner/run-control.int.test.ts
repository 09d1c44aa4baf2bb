import { sql } from 'drizzle-orm';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { upsertModel } from '../../db/queries/models';
import { runPairCounts } from '../../db/queries/pair-tallies';
import { modelSummary } from '../../evals/metrics';
import { arithmeticAnswer, arithmeticModel, arithmeticSuite } from '../../testing/arithmetic-suite';
import { spawnCli } from '../../testing/cli/spawn-cli';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';
import { createCaller } from '../trpc/root';
import { createRun } from './create-run';
import { createWorker } from './create-worker';

// Cancel, resume and "retry only the errors", from the CLI (`sawtooth runs …`, a real child process given the
// database through its environment) and from the tRPC runs router, on both backends, against a test server on
// loopback.

let database: TestDatabase;

async function cli(args: string[]) {
  const child = spawnCli(args, { ...database.env, SAWTOOTH_CONFIG: path.join(tmpdir(), 'sawtooth-control-no-config.json') });
  const code = await child.exited;
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}

interface ShownRun {
  status: string;
  expected: number;
  counts: { pass: number; fail: number; error: number };
  errors: Record<string, number>;
  errorDetails: Array<{ kind: string; n: number; advice: string }>;
  totals: { promptTokens: number; completionTokens: number; costUsd: number | null };
}
async function show(id: number): Promise<ShownRun> {
  const res = await cli(['runs', 'show', String(id), '--json']);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!) as ShownRun;
}
const answered = (r: ShownRun) => r.counts.pass + r.counts.fail + r.counts.error;

describeEachBackend('run control from the CLI and the API', (dialect) => {
  let server: OpenAITestServer;
  let caller: ReturnType<typeof createCaller>;
  const worker = (leaseMs = 15_000) => createWorker(database.store, { leaseMs });

  beforeAll(async () => {
    server = await startOpenAITestServer({ answer: arithmeticAnswer, latencyMs: 15 });
    database = await freshDatabase(dialect);
    caller = createCaller({ store: database.store });
    await upsertModel(database.store, arithmeticModel(server.url, { priceInput: 0.5, priceOutput: 1.5 }));
  });
  afterAll(async () => {
    await database?.drop();
    await server?.close();
  });

  it('CLI: cancel a queued run, show it, resume it to completion', async () => {
    const runId = await createRun(database.store, { modelId: 'arith-model', suite: arithmeticSuite(20, 'control-cli'), settings: { concurrency: 4 } });
    expect((await cli(['runs', 'cancel', String(runId)])).code).toBe(0);
    let shown = await show(runId);
    expect(shown).toMatchObject({ status: 'cancelled', expected: 40, counts: { pass: 0, fail: 0, error: 0 } });

    const again = await cli(['runs', 'cancel', String(runId)]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is cancelled: only a queued or running run can be cancelled/);

    const resumed = await cli(['runs', 'resume', String(runId)]);
    expect(resumed.code, resumed.stderr).toBe(0);
    shown = await show(runId);
    expect(shown.status).toBe('completed');
    expect(answered(shown)).toBe(40);
    expect(shown.counts.error).toBe(0);
    // Prices come from the model row: tokens and cost are summed per run.
    expect(shown.totals.promptTokens).toBeGreaterThan(0);
    expect(shown.totals.costUsd).toBeCloseTo((shown.totals.promptTokens * 0.5 + shown.totals.completionTokens * 1.5) / 1e6, 12);

    const human = await cli(['runs', 'show', String(runId)]);
    expect(human.stdout).toMatch(new RegExp(`run ${runId}: completed, 40/40 answered`));
    expect(human.stdout).toMatch(/tokens \d+ in \/ \d+ out, cost \$/);
  });

  it('CLI: retry-errors asks exactly the failed probes again; errors never count as wrong answers', async () => {
    // Every multiplication probe is refused with a non-retryable 400: stored as bad_request errors.
    server.setFaults([{ match: /×/, fault: { type: 'status', status: 400 } }]);
    const suite = arithmeticSuite(24, 'control-retry');
    const multiplications = suite.pairs.filter((p) => p.family === 'synthetic.multiplication').length * 2;
    const runId = await createRun(database.store, { modelId: 'arith-model', suite, settings: { concurrency: 4 } });
    await worker().runOnce(runId);
    let shown = await show(runId);
    expect(shown.status).toBe('completed');
    expect(shown.counts.error).toBe(multiplications);
    expect(shown.errors).toEqual({ bad_request: multiplications });
    expect(shown.errorDetails[0]).toMatchObject({ kind: 'bad_request', n: multiplications });
    expect(shown.errorDetails[0]!.advice).toMatch(/rejected the request/);

    // The metrics see the errors as missing answers, not as fails: the multiplication family has no accuracy at
    // all (rather than 0%), and the pooled accuracy is pass / (pass + fail) over the answered probes only.
    const summary = modelSummary(await runPairCounts(database.store, runId));
    const mult = summary.families.find((f) => f.id === 'synthetic.multiplication')!;
    expect(mult.easy.acc).toBeNull();
    expect(summary.counts.error).toBe(multiplications);
    const graded = (await database.store.get<{ pass: number; fail: number }>(sql`
      SELECT sum(CASE WHEN outcome = 'pass' THEN 1 ELSE 0 END) AS pass, sum(CASE WHEN outcome = 'fail' THEN 1 ELSE 0 END) AS fail
      FROM results WHERE run_id = ${runId} AND tier = 'easy'`))!;
    expect(summary.easy.acc).toBeCloseTo(graded.pass / (graded.pass + graded.fail), 12);

    server.setFaults([]);
    const before = server.log().length;
    const retried = await cli(['runs', 'retry-errors', String(runId)]);
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.stdout).toMatch(new RegExp(`^retrying ${multiplications} errors`));
    const asked = server.log().slice(before).filter((r) => r.path !== '/v1/models');
    expect(asked).toHaveLength(multiplications);
    expect(asked.every((e) => e.prompt?.includes('×'))).toBe(true);
    shown = await show(runId);
    expect(shown).toMatchObject({ status: 'completed', expected: 48, counts: { error: 0 } });
    expect(answered(shown)).toBe(48);
  });

  it('API: cancel a running run (its worker stops at the next heartbeat), resume it, retry its errors', async () => {
    server.setFaults([{ match: /-/, every: 3, fault: { type: 'status', status: 401 } }]);
    const runId = await createRun(database.store, { modelId: 'arith-model', suite: arithmeticSuite(60, 'control-api'), settings: { concurrency: 2 } });
    const first = worker(300);
    const working = first.runOnce(runId);
    for (let i = 0; i < 500 && (await caller.runs.get({ id: runId })).run.passCount < 10; i++) await new Promise((r) => setTimeout(r, 20));
    await caller.runs.cancel({ id: runId });
    await working; // returns once the heartbeat sees the cancellation
    const cancelled = await caller.runs.get({ id: runId });
    expect(cancelled.run.status).toBe('cancelled');
    const partial = cancelled.run.passCount + cancelled.run.failCount + cancelled.run.errorCount;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(120);
    await expect(caller.runs.retryErrors({ id: 999_999 })).rejects.toThrow(/no run with id 999999/);

    await caller.runs.resume({ id: runId });
    await expect(caller.runs.resume({ id: runId })).rejects.toThrow(/already queued/);
    await worker().runOnce(runId);
    const done = await caller.runs.get({ id: runId });
    expect(done.run.status).toBe('completed');
    expect(done.run.passCount + done.run.failCount + done.run.errorCount).toBe(120);
    expect(done.errorKinds).toEqual([{ kind: 'auth', n: done.run.errorCount }]);
    expect(done.run.errorCount).toBeGreaterThan(0);

    server.setFaults([]);
    const { retried } = await caller.runs.retryErrors({ id: runId });
    expect(retried).toBe(done.run.errorCount);
    await worker().runOnce(runId);
    const final = await show(runId);
    expect(final).toMatchObject({ status: 'completed', expected: 120, counts: { error: 0 } });
    expect(answered(final)).toBe(120);
    const rows = await database.store.get(sql`SELECT count(*) AS n, count(DISTINCT probe_key) AS d FROM results WHERE run_id = ${runId}`);
    expect(rows).toEqual({ n: 120, d: 120 });
  });
});
