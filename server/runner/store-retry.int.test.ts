import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { sqliteStore } from '../../db/store';
import { arithmeticAnswer, arithmeticModel, arithmeticSuite } from '../../testing/arithmetic-suite';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';
import { upsertModel } from '../models/sync-models';
import { createRun } from './create-run';
import { createSchedulerRegistry, providerFor } from './endpoints';
import { resumeRun } from './run-control';
import { createSqlRunQueue } from './run-queue';
import type { StoreTrouble } from './store-retry';
import { Worker } from './worker';

// Issue 12 item 2: a second, real connection holds the write lock (as a large import does), or the database is
// full; the recorder keeps the batch in memory, retries with backoff (the sleep is injected: no real waiting), reports
// each wait, and the run is completed only when every expected result is stored.
// SQLite only: the faults are SQLite's own (a second connection's write lock past busy_timeout, max_page_count). On
// PostgreSQL a writer waits on row locks instead of failing; the codes that do pass with time (a dropped connection,
// a full disk, a conflict) are classified in store-retry.ts and take the same recorder path.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-store-retry-'));
const file = path.join(dir, 'sawtooth.db');

describe('storing results while the database refuses writes', () => {
  const db = openDb(file);
  const store = sqliteStore(db);
  // Our connection gives up on a held lock after 20 ms instead of 10 s, so that each attempt is quick.
  db.$client.pragma('busy_timeout = 20');
  const other = new Database(file);
  let server: OpenAITestServer;
  /** Runs once, on the first request the endpoint answers (by then the worker has claimed its run). */
  let onFirstRequest: (() => void) | undefined;

  beforeAll(async () => {
    server = await startOpenAITestServer({
      answer: (prompt) => {
        onFirstRequest?.();
        onFirstRequest = undefined;
        return arithmeticAnswer(prompt);
      },
    });
    await upsertModel(sqliteStore(db), arithmeticModel(server.url));
  });
  afterAll(async () => {
    other.close();
    db.$client.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = (runId: number) => db.$client.prepare('SELECT count(*) FROM results WHERE run_id = ?').pluck().get(runId) as number;
  const runRow = (runId: number) => db.$client.prepare('SELECT status, message, expected FROM runs WHERE id = ?').get(runId) as
    { status: string; message: string | null; expected: number };

  function worker(onSleep: (waits: number[]) => void, maxAttempts = 8, onGiveUp = () => {}) {
    const waits: number[] = [];
    const troubles: StoreTrouble[] = [];
    const w = new Worker({
      store, queue: createSqlRunQueue(store), provider: providerFor, scheduler: createSchedulerRegistry(),
      onStoreTrouble: (_id, t) => {
        troubles.push(t);
        if (t.retryInMs === null) onGiveUp();
      },
      storeRetry: { maxAttempts, backoffMs: (a) => 100 * 2 ** (a - 1), sleep: async (ms) => { waits.push(ms); onSleep(waits); } },
    });
    return { w, waits, troubles };
  }

  it('SQLITE_BUSY: holds the batch, retries with backoff, and completes with every result once the lock is gone', async () => {
    const runId = await createRun(store, { modelId: 'arith-model', suite: arithmeticSuite(30, 'busy-then-free'), settings: { concurrency: 4 } });
    onFirstRequest = () => other.exec('BEGIN IMMEDIATE');
    const { w, waits, troubles } = worker((ws) => {
      if (ws.length === 3) other.exec('COMMIT');
    });
    await w.runOnce(runId);
    expect(waits).toEqual([100, 200, 400]);
    expect(troubles[0]).toMatchObject({ attempt: 1, retryInMs: 100 });
    expect(troubles[0]!.reason).toMatch(/locked by another writer \(SQLITE_BUSY/);
    expect(troubles[0]!.pending).toBeGreaterThan(0);
    expect(runRow(runId)).toMatchObject({ status: 'completed', expected: 60 });
    expect(stored(runId)).toBe(60);
  });

  it('a lock held past every attempt: the run ends failed and resumable, not completed; resume completes it', async () => {
    const runId = await createRun(store, { modelId: 'arith-model', suite: arithmeticSuite(30, 'busy-forever'), settings: { concurrency: 4 } });
    onFirstRequest = () => other.exec('BEGIN IMMEDIATE');
    // The import ends just after the recorder gave up, so that the worker can record why the run failed.
    const { w, waits, troubles } = worker(() => {}, 4, () => other.exec('COMMIT'));
    await w.runOnce(runId);
    expect(waits).toEqual([100, 200, 400]);
    expect(troubles.at(-1)).toMatchObject({ attempt: 4, retryInMs: null });
    const ended = runRow(runId);
    expect(ended.status).toBe('failed');
    expect(ended.message).toMatch(/^could not store \d+ result\(s\) after 4 attempts: the database is locked by another writer \(SQLITE_BUSY.*resume it with: npx sawtooth runs resume \d+$/);
    expect(stored(runId)).toBeLessThan(60);

    await resumeRun(store, runId);
    await worker(() => {}).w.runOnce(runId);
    expect(runRow(runId).status).toBe('completed');
    expect(stored(runId)).toBe(60);
  });

  it('SQLITE_FULL: waits for space, then stores everything', async () => {
    const runId = await createRun(store, { modelId: 'arith-model', suite: arithmeticSuite(200, 'disk-full'), settings: { concurrency: 4 } });
    // A full disk, for this connection: the file may not grow by a single page.
    onFirstRequest = () => db.$client.pragma(`max_page_count = ${db.$client.pragma('page_count', { simple: true }) as number}`);
    const { w, troubles } = worker((ws) => {
      if (ws.length === 2) db.$client.pragma('max_page_count = 1073741823');
    });
    await w.runOnce(runId);
    expect(troubles[0]!.reason).toBe('the disk (or the database size limit) is full (SQLITE_FULL)');
    expect(runRow(runId).status).toBe('completed');
    expect(stored(runId)).toBe(400);
  });
});
