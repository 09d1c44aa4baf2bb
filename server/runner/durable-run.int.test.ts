import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { upsertModel } from '../../db/queries/models';
import type { Store } from '../../db/store';
import { arithmeticAnswer, arithmeticModel, arithmeticSuite } from '../../testing/arithmetic-suite';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';
import { childEnv } from '../env';
import { createRun } from './create-run';

// A worker process is killed with SIGKILL in the middle of a run; a second worker takes the run over once the
// dead one's lease expires, and the run ends with exactly one result per (probe, sample). On both backends.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const LEASE_MS = 1_500;

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

const stored = async (store: Store, runId: number) =>
  (await store.get<{ n: number; distinctN: number }>(sql`
    SELECT count(*) AS n, count(DISTINCT probe_key || ':' || sample) AS "distinctN" FROM results WHERE run_id = ${runId}`))!;

describeEachBackend('a run survives SIGKILL of its worker process', (dialect) => {
  let server: OpenAITestServer;
  let database: TestDatabase;
  const children: ChildProcess[] = [];

  function startWorker(): { child: ChildProcess; output: () => string } {
    const child = spawn(process.execPath, ['bin/sawtooth.mjs', 'worker', '--lease-ms', String(LEASE_MS)], {
      cwd: repoRoot,
      env: childEnv({ ...database.env, SAWTOOTH_CONFIG: path.join(tmpdir(), 'sawtooth-durable-no-config.json') }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout!.on('data', (b: Buffer) => void (text += b.toString()));
    child.stderr!.on('data', (b: Buffer) => void (text += b.toString()));
    return { child, output: () => text };
  }

  beforeAll(async () => {
    // 25 ms per answer at concurrency 4: the run takes a few seconds, long enough to kill it in the middle.
    server = await startOpenAITestServer({ answer: arithmeticAnswer, latencyMs: 25 });
    database = await freshDatabase(dialect);
    await upsertModel(database.store, arithmeticModel(server.url, { priceInput: 1, priceOutput: 2 }));
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await database?.drop();
    await server?.close();
  });

  it('completes with every (probe, sample) stored exactly once after the worker is killed mid-run', async () => {
    const { store } = database;
    const suite = arithmeticSuite(150, 'durable');
    const runId = await createRun(store, { modelId: 'arith-model', suite, settings: { samples: 2, concurrency: 4, seed: 7 } });
    const expected = 150 * 2 * 2;

    const first = startWorker();
    children.push(first.child);
    const atKill = await until('the first worker to store some results', 90_000, async () => {
      const { n } = await stored(store, runId);
      return n >= 60 ? n : undefined;
    });
    const lease = (await store.get<{ status: string; owner: string }>(sql`SELECT status, lease_owner AS owner FROM runs WHERE id = ${runId}`))!;
    process.kill(first.child.pid!, 'SIGKILL');
    await once(first.child, 'exit');
    expect(first.child.signalCode).toBe('SIGKILL');
    const afterKill = (await stored(store, runId)).n;
    expect(afterKill).toBeGreaterThanOrEqual(atKill);
    expect(afterKill).toBeLessThan(expected); // really killed in the middle
    expect(lease).toMatchObject({ status: 'running' });
    // SQLite: one worker leases the whole run; PostgreSQL: the run is shared out in chunks (server/queue/), each chunk's
    // lease is a pg-boss job's, and the run is marked as chunked.
    expect(lease.owner).toMatch(dialect === 'pg' ? /^chunks$/ : /^worker@/);

    // The dead worker's lease still holds the run: the second worker may only take it once the lease expires.
    const second = startWorker();
    children.push(second.child);
    await until('the run to complete', 120_000, async () =>
      (await store.get<{ status: string }>(sql`SELECT status FROM runs WHERE id = ${runId}`))?.status === 'completed' || undefined,
    );
    process.kill(second.child.pid!, 'SIGTERM');
    await once(second.child, 'exit');

    expect(await stored(store, runId)).toEqual({ n: expected, distinctN: expected });
    const run = (await store.get<{ status: string; pass: number; fail: number; error: number; owner: string | null }>(sql`
      SELECT status, pass_count AS pass, fail_count AS fail, error_count AS error, lease_owner AS owner FROM runs WHERE id = ${runId}`))!;
    const byOutcome = await store.all<{ outcome: string; n: number }>(sql`SELECT outcome, count(*) AS n FROM results WHERE run_id = ${runId} GROUP BY outcome`);
    const actual = Object.fromEntries(byOutcome.map((r) => [r.outcome, r.n]));
    // The counters were kept in the same transactions as the rows: they agree with the rows despite the kill.
    expect({ pass: run.pass, fail: run.fail, error: run.error }).toEqual({ pass: actual.pass ?? 0, fail: actual.fail ?? 0, error: actual.error ?? 0 });
    expect(run.error).toBe(0);
    expect(run.pass).toBeGreaterThan(run.fail); // the arithmetic model is mostly right
    expect(run.owner).toBeNull();
    const newOwner = /worker (worker@\S+) started/.exec(second.output())?.[1];
    expect(newOwner).toBeDefined();
    expect(newOwner).not.toBe(lease.owner);
    expect(second.output()).toMatch(new RegExp(`run ${runId} completed`));
    // Each (probe, sample) got its own seed: seed + sample - 1.
    const seeds = new Set(server.log().filter((e) => e.body).map((e) => (e.body as { seed?: number }).seed));
    expect(seeds).toEqual(new Set([7, 8]));
  });
});
