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
import { cancelRun } from './run-control';
import { createSqlRunQueue } from './run-queue';
import { Worker } from './worker';

// Issue 12 item 8: cancelling a run while many of its requests back off from 503s printed
// "MaxListenersExceededWarning" (each backoff sleep put its own abort listener on the run's one signal).
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-abort-listeners-'));

describe('a cancelled run with many requests backing off', () => {
  const db = openDb(path.join(dir, 'sawtooth.db'));
  const store = sqliteStore(db);
  let server: OpenAITestServer;
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);

  beforeAll(async () => {
    server = await startOpenAITestServer({ answer: arithmeticAnswer });
    server.setFaults([{ fault: { type: 'status', status: 503 } }]);
    await upsertModel(sqliteStore(db), arithmeticModel(server.url));
    process.on('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    db.$client.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops without a MaxListenersExceededWarning', async () => {
    const runId = await createRun(store, { modelId: 'arith-model', suite: arithmeticSuite(40, 'abort-listeners'), settings: { concurrency: 16 } });
    const scheduler = createSchedulerRegistry();
    const worker = new Worker({ store, queue: createSqlRunQueue(store), provider: providerFor, scheduler, leaseMs: 300 });
    let finished = false;
    const working = worker.runOnce(runId).finally(() => (finished = true));
    // Wait until at least 12 requests are backing off on the run's signal, then cancel.
    const model = { baseUrl: server.url } as Parameters<typeof scheduler>[0];
    const stats = () => scheduler(model, { concurrency: 16, maxRetries: 4 } as Parameters<typeof scheduler>[1]).stats();
    while (stats().backingOff < 12 && !finished) await new Promise((r) => setTimeout(r, 10));
    expect(finished).toBe(false);
    await cancelRun(store, runId);
    await working;
    await new Promise((r) => setImmediate(r));
    expect(warnings.filter((w) => w.includes('MaxListeners'))).toEqual([]);
    expect(db.$client.prepare('SELECT status FROM runs WHERE id = ?').pluck().get(runId)).toBe('cancelled');
  });
});
