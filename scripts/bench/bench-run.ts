import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../../db/client';
import { upsertModel } from '../../server/models/sync-models';
import { tuneWorkerProcess } from '../../server/runner/tune-worker-process';
import type { RunSettings } from '../../server/runner/run-settings';
import { arithmeticModel, writeArithmeticSuite } from '../../testing/arithmetic-suite';
import { createWorker } from '../../server/runner/create-worker';

/** A fresh database in a temp folder with the arithmetic model pointing at `url`; remove() deletes it. */
export function benchDatabase(url: string): { db: Db; file: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-bench-'));
  const file = path.join(dir, 'bench.db');
  const db = openDb(file);
  upsertModel(db, arithmeticModel(url, { priceInput: 1, priceOutput: 2 }));
  return { db, file, remove: () => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  } };
}

/** Queues a run of `probes` probes (a generated suite of probes / 2 pairs, written in bulk) and returns its id. */
export function queueBenchRun(db: Db, probes: number, settings: Partial<RunSettings>): number {
  const suiteKey = writeArithmeticSuite(db, Math.ceil(probes / 2));
  return db.$client
    .prepare(`INSERT INTO runs (model_id, suite_key, settings, samples, expected) VALUES ('arith-model', ?, ?, 1, ?) RETURNING id`)
    .pluck()
    .get(suiteKey, JSON.stringify({ samples: 1, ...settings }), Math.ceil(probes / 2) * 2) as number;
}

/** Works the run to its end in this process, exactly as `sawtooth worker` would; returns wall and CPU seconds. */
export async function workRun(db: Db, runId: number): Promise<{ seconds: number; cpuSeconds: number; stored: number; status: string }> {
  tuneWorkerProcess(db); // as `sawtooth worker` does
  const worker = createWorker(db);
  const cpu = process.cpuUsage();
  const started = performance.now();
  await worker.runOnce(runId);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const row = db.$client.prepare('SELECT status, pass_count + fail_count + error_count + refusal_count AS stored FROM runs WHERE id = ?').get(runId) as { status: string; stored: number };
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, ...row };
}
