import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closeDb, openDb, type Db } from '../../db/client';
import { sqliteStore } from '../../db/store';
import { insertQueuedRun } from '../../db/queries/run-writes';
import { runStoredCount } from '../../db/queries/run-totals';
import { upsertModel } from '../../server/models/sync-models';
import { tuneWorkerProcess } from '../../server/runner/tune-worker-process';
import type { RunSettings } from '../../server/runner/run-settings';
import { arithmeticModel, writeArithmeticSuite } from '../../testing/arithmetic-suite';
import { createWorker } from '../../server/runner/create-worker';

/** A fresh database in a temp folder with the arithmetic model pointing at `url`; remove() deletes it. */
export async function benchDatabase(url: string): Promise<{ db: Db; file: string; remove: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-bench-'));
  const file = path.join(dir, 'bench.db');
  const db = openDb(file);
  await upsertModel(sqliteStore(db), arithmeticModel(url, { priceInput: 1, priceOutput: 2 }));
  return { db, file, remove: () => {
    closeDb(db);
    rmSync(dir, { recursive: true, force: true });
  } };
}

/** Queues a run of `probes` probes (a generated suite of probes / 2 pairs, written in bulk) and returns its id. */
export async function queueBenchRun(db: Db, probes: number, settings: Partial<RunSettings>): Promise<number> {
  const suiteKey = await writeArithmeticSuite(sqliteStore(db), Math.ceil(probes / 2));
  return insertQueuedRun(sqliteStore(db), {
    modelId: 'arith-model', suiteKey, settings: { samples: 1, ...settings }, samples: 1, temperature: null, expected: Math.ceil(probes / 2) * 2,
  });
}

/** Works the run to its end in this process, exactly as `sawtooth worker` would; returns wall and CPU seconds. */
export async function workRun(db: Db, runId: number): Promise<{ seconds: number; cpuSeconds: number; stored: number; status: string }> {
  const store = sqliteStore(db);
  tuneWorkerProcess(store); // as `sawtooth worker` does
  const worker = createWorker(store);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await worker.runOnce(runId);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const row = (await runStoredCount(store, runId))!;
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, ...row };
}
