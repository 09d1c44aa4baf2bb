import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertModel } from '../../db/queries/models';
import { arithmeticAnswer, arithmeticModel, arithmeticSuite } from '../../testing/arithmetic-suite';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';
import { availableDialects, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';
import { maxInAnyWindow } from '../budget/windows';
import { childEnv } from '../env';
import { createRun } from '../runner/create-run';

// Three `sawtooth worker` processes on one PostgreSQL database share one run in chunks under a shared rate limit;
// one is SIGKILLed while it holds a chunk. The run still completes with exactly one result per (probe, sample), the
// killed worker's chunk is redone by another, more than one worker did chunks, and the test server never saw more
// requests in a window than the limit allows.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const LEASE_MS = 3_000;
const PAIRS = 240; // 480 requests: 10 chunks of 48
const LIMIT = { requests: 25, perSeconds: 1 }; // about 20 s of requests

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined | false | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const pgReady = availableDialects().includes('pg');

(pgReady ? describe : describe.skip)('three workers on PostgreSQL share one run, survive a SIGKILL and keep the rate limit', () => {
  let server: OpenAITestServer;
  let database: TestDatabase;
  const children: ChildProcess[] = [];
  const outputs: string[] = [];

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, ['bin/sawtooth.mjs', 'worker', '--lease-ms', String(LEASE_MS)], {
      cwd: repoRoot,
      env: childEnv({ ...database.env, SAWTOOTH_CONFIG: path.join(tmpdir(), 'sawtooth-three-workers-no-config.json') }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const index = outputs.push('') - 1;
    child.stdout!.on('data', (b: Buffer) => void (outputs[index] += b.toString()));
    child.stderr!.on('data', (b: Buffer) => void (outputs[index] += b.toString()));
    children.push(child);
    return child;
  }

  beforeAll(async () => {
    server = await startOpenAITestServer({ answer: arithmeticAnswer, latencyMs: 20 });
    database = await freshDatabase('pg');
    await upsertModel(database.store, arithmeticModel(server.url));
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await database?.drop();
    await server?.close();
  });

  it('completes with one result per (probe, sample), the killed chunk redone, and never over the limit', async () => {
    const { store } = database;
    const runId = await createRun(store, {
      modelId: 'arith-model', suite: arithmeticSuite(PAIRS, 'three-workers'), settings: { samples: 1, concurrency: 4, rateLimit: LIMIT },
    });
    const expected = PAIRS * 2;
    for (let i = 0; i < 3; i++) startWorker();

    // Mid-run: some results stored, and a worker holds a chunk (the registry says which).
    const victim = await until('a worker to hold a chunk after some results', 120_000, async () => {
      const stored = (await store.get<{ n: number }>(sql`SELECT count(*) AS "n" FROM results WHERE run_id = ${runId}`))!.n;
      if (stored < 60) return null;
      return store.get<{ id: string; pid: number; chunk: number }>(sql`
        SELECT id, pid, chunk FROM workers WHERE run_id = ${runId} AND chunk IS NOT NULL ORDER BY chunk LIMIT 1`);
    });
    expect(children.map((c) => c.pid)).toContain(victim.pid);
    process.kill(victim.pid, 'SIGKILL');

    const run = await until('the run to end', 240_000, async () => {
      const row = await store.get<{ status: string; message: string | null }>(sql`SELECT status, message FROM runs WHERE id = ${runId}`);
      return row && row.status !== 'running' && row.status !== 'queued' ? row : null;
    });
    expect(run, outputs.join('\n---\n')).toEqual({ status: 'completed', message: null });

    const counts = (await store.get<{ n: number; distinctN: number }>(sql`
      SELECT count(*) AS "n", count(DISTINCT probe_key || ':' || sample) AS "distinctN" FROM results WHERE run_id = ${runId}`))!;
    expect(counts).toEqual({ n: expected, distinctN: expected });

    const chunks = await store.all<{ chunk: number; doneBy: string | null }>(sql`
      SELECT chunk, done_by AS "doneBy" FROM run_chunks WHERE run_id = ${runId} ORDER BY chunk`);
    expect(chunks).toHaveLength(10);
    expect(chunks.every((c) => c.doneBy !== null)).toBe(true);
    const redone = chunks.find((c) => c.chunk === victim.chunk)!;
    expect(redone.doneBy).not.toBe(victim.id); // the killed worker's chunk was finished by another worker
    expect(new Set(chunks.map((c) => c.doneBy)).size).toBeGreaterThan(1);

    const arrivals = server.log().filter((e) => e.path.endsWith('/chat/completions')).map((e) => e.at);
    // Every probe was asked at least once; the killed worker's unstored answers were asked again.
    expect(arrivals.length).toBeGreaterThanOrEqual(expected);
    expect(maxInAnyWindow(arrivals, LIMIT.perSeconds * 1000)).toBeLessThanOrEqual(LIMIT.requests);
  });
});
