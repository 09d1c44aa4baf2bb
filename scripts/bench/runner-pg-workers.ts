import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { upsertModel } from '../../db/queries/models';
import { insertQueuedRun } from '../../db/queries/run-writes';
import { runSpan } from '../../db/queries/run-chunks';
import { openStore } from '../../db/store/open-store';
import type { Store } from '../../db/store/store';
import { childEnv } from '../../server/env';
import { arithmeticModel, writeArithmeticSuite } from '../../testing/arithmetic-suite';
import { findPostgresBinaries, startThrowawayCluster } from '../../testing/postgres';
import { INSTALL_HINT } from '../../testing/postgres/server-binaries';
import { startBenchServer } from './bench-server';
import { fmt, type Benchmark } from './benchmark';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Queues a run of `probes` probes of the arithmetic suite on `store` (the model pointing at `url`). */
async function queueRun(store: Store, url: string, probes: number, concurrency: number): Promise<number> {
  await upsertModel(store, arithmeticModel(url));
  const pairs = Math.ceil(probes / 2);
  const suiteKey = await writeArithmeticSuite(store, pairs);
  return insertQueuedRun(store, { modelId: 'arith-model', suiteKey, settings: { samples: 1, concurrency }, samples: 1, temperature: null, expected: pairs * 2 });
}

/** Starts `n` `sawtooth worker` processes on a database, works `runId` to its end, stops them (by PID); the run's span. */
async function workWith(n: number, env: Record<string, string>, store: Store, runId: number): Promise<{ seconds: number; stored: number; status: string }> {
  const children: ChildProcess[] = [];
  for (let i = 0; i < n; i++) {
    children.push(spawn(process.execPath, ['bin/sawtooth.mjs', 'worker'], { cwd: repoRoot, env: childEnv(env), stdio: 'ignore' }));
  }
  try {
    for (;;) {
      const span = await runSpan(store, runId);
      if (span && span.status !== 'queued' && span.status !== 'running') {
        // started → finished on the database's clock: the workers' start-up is not counted, on either engine.
        return { seconds: (span.finishedAt! - span.startedAt!) / 1000, stored: span.stored, status: span.status };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await Promise.all(children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }));
  }
}

/**
 * runner.throughput_pg_3workers: probes per second of three `sawtooth worker` processes sharing one run on PostgreSQL
 * (chunks on pg-boss), against the test server at 50 ms latency; as a ratio to ONE worker process on SQLite on the
 * same server, measured in the same bench run. Both spans are the run's started_at → finished_at.
 */
export const runnerPgWorkers: Benchmark = {
  names: ['runner.throughput_pg_3workers'],
  summary: 'probes/s of three workers sharing one run on PostgreSQL, against one worker on SQLite',
  async run(ctx) {
    if (!findPostgresBinaries()) {
      ctx.note(`runner.throughput_pg_3workers skipped: no PostgreSQL server binaries (${INSTALL_HINT})`);
      return;
    }
    const probes = ctx.quick ? 1_200 : 4_800;
    const concurrency = 8;
    const server = await startBenchServer(50);
    const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-bench-pg-'));
    const cluster = await startThrowawayCluster();
    try {
      const sqliteFile = path.join(dir, 'one-worker.db');
      const sqlite = await openStore(sqliteFile);
      const one = await workWith(1, { SAWTOOTH_DB: sqliteFile, SAWTOOTH_CONFIG: path.join(dir, 'none.json') }, sqlite, await queueRun(sqlite, server.url, probes, concurrency));
      await sqlite.close();

      const url = await cluster.createDatabase('bench_workers');
      const pg = await openStore(url);
      const three = await workWith(3, { SAWTOOTH_DATABASE_URL: url, SAWTOOTH_CONFIG: path.join(dir, 'none.json') }, pg, await queueRun(pg, server.url, probes, concurrency));
      await pg.close();
      for (const [label, r] of [['SQLite, 1 worker', one], ['PostgreSQL, 3 workers', three]] as const) {
        if (r.status !== 'completed' || r.stored !== probes) throw new Error(`${label}: the run ended ${r.status} with ${r.stored}/${probes} results`);
      }
      const rate = probes / three.seconds;
      const baseRate = probes / one.seconds;
      ctx.result('runner.throughput_pg_3workers', Math.round(rate), 'probes/s');
      ctx.note(`${fmt(probes)} probes at 50 ms latency, concurrency ${concurrency} per worker: 3 workers on PostgreSQL ${fmt(rate)} probes/s (${fmt(three.seconds, 1)} s)`);
      ctx.note(`baseline 1 worker on SQLite, same server, same run size: ${fmt(baseRate)} probes/s (${fmt(one.seconds, 1)} s); ratio ${(rate / baseRate).toFixed(2)} (ideal 3.00)`);
    } finally {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
      await server.close();
    }
  },
};
