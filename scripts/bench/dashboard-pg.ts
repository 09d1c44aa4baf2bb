import { existsSync } from 'node:fs';
import { modelsByResultCount } from '../../db/queries/bench-baselines';
import { openPgStore } from '../../db/store';
import { findPostgresBinaries, startKeptCluster, type KeptCluster } from '../../testing/postgres';
import { INSTALL_HINT } from '../../testing/postgres/server-binaries';
import { fmt, median, type Benchmark, type BenchContext } from './benchmark';
import { coldInChild, ensureSeeded, groupedScanBaseline, warmMedian } from './dashboard';
import { DASHBOARD_PAGES, DASHBOARD_SCALES, dashboardCase, dashboardCaseName, type DashboardPage, type DashboardScale } from './dashboard-cases';

const REPEATS = 5;
const DATABASE = 'sawtooth';

export const pgCaseName = (page: DashboardPage, scale: DashboardScale): string => `${dashboardCaseName(page, scale)}_pg`;

/** Cold calls in fresh processes: after a server restart each (nothing in shared buffers), and on the running server. */
async function coldCalls(cluster: KeptCluster, url: string, page: DashboardPage, byResults: string[]) {
  const restarted: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    await cluster.restart();
    restarted.push(await coldInChild(url, page, byResults));
  }
  const running: number[] = [];
  for (let i = 0; i < REPEATS; i++) running.push(await coldInChild(url, page, byResults));
  return { restarted, running };
}

/**
 * dashboard.*_<scale>_pg: the same three pages as the SQLite lines (scripts/bench/dashboard.ts), through the same
 * tRPC callers, on PostgreSQL. The database lives in a cluster whose data folder is kept (`--pg-dir`, `--pg-dir-10m`;
 * seeded once, reused, as the SQLite files are), started for the run and stopped after it, by its postmaster's PID.
 * Cold means what it means for SQLite, a first call in a fresh process (nothing of ours in memory, the OS file cache
 * not dropped), and one thing more: PostgreSQL's shared buffers outlive a process, so the headline restarts the
 * server before each cold call (empty shared buffers and backend caches, like SQLite's per-connection page cache);
 * the same fresh-process call on the running server is printed beside it, and warm (one process, repeated).
 * Baseline: the same grouped pass over the results index as the SQLite lines, on this database.
 */
function dashboardPgBenchmark(scale: DashboardScale, flag: string, dirOf: (ctx: BenchContext) => string): Benchmark {
  const results = fmt(DASHBOARD_SCALES[scale]);
  return {
    names: DASHBOARD_PAGES.map((page) => pgCaseName(page, scale)),
    summary: `the dashboard lines of ${results} results on PostgreSQL (cold after a server restart, cold on the running server, warm)`,
    async run(ctx) {
      const binaries = findPostgresBinaries();
      if (!binaries) {
        ctx.note(`dashboard.*_${scale}_pg skipped: ${INSTALL_HINT}`);
        return;
      }
      const dir = dirOf(ctx);
      if (!existsSync(dir)) ctx.note(`creating the PostgreSQL cluster ${dir} (kept for the next runs; seeding ${results} results)`);
      const cluster = await startKeptCluster(dir, binaries);
      try {
        await cluster.ensureDatabase(DATABASE);
        const url = cluster.url(DATABASE);
        const where = `the PostgreSQL cluster in ${dir}`;
        const store = await openPgStore(url);
        let byResults: string[];
        let baseline: number;
        try {
          await ensureSeeded(ctx, store, where, scale, flag);
          byResults = await modelsByResultCount(store);
          baseline = await groupedScanBaseline(store);
        } finally {
          await store.close();
        }
        if (byResults.length < 4) throw new Error(`${where} has results of only ${byResults.length} models; 4 are needed`);

        ctx.note(`${where}: ${results} results; baseline: one grouped pass over the results index ${fmt(baseline, 1)} ms (median of ${REPEATS})`);
        for (const page of DASHBOARD_PAGES) {
          const { call, what } = dashboardCase(page, byResults);
          const { restarted, running } = await coldCalls(cluster, url, page, byResults);
          const warmStore = await openPgStore(url, { migrate: false });
          const warm = await warmMedian(warmStore, call).finally(() => warmStore.close());
          const cold = median(restarted);
          ctx.result(pgCaseName(page, scale), Math.round(cold), 'ms');
          ctx.note(`${what}: cold (server restarted, fresh process) median ${fmt(cold)} ms, slowest ${fmt(Math.max(...restarted))} ms; ` +
            `fresh process on the running server ${fmt(median(running))} ms; warm ${fmt(warm, 1)} ms; cold/baseline ${(cold / baseline).toFixed(2)}×`);
        }
      } finally {
        await cluster.stop();
      }
    },
  };
}

export const dashboardQueriesPg = dashboardPgBenchmark('1m', '--pg-dir', (ctx) => ctx.dashboardPgDir);
export const dashboardQueriesPg10m = dashboardPgBenchmark('10m', '--pg-dir-10m', (ctx) => ctx.dashboardPgDir10m);
