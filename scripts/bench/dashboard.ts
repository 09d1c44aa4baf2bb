import { sqliteStore, type Store } from '../../db/store';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { closeDb, openDb } from '../../db/client';
import { groupedResultsScan, modelsByResultCount } from '../../db/queries/bench-baselines';
import { latestCompletedRuns } from '../../db/queries/profile-runs';
import { resultCount } from '../../db/queries/run-lookups';
import { loadSuite } from '../../evals/suites';
import { warmDefaultProfile } from '../../server/explore/warm-profile';
import { createCaller } from '../../server/trpc/root';
import { seedResults } from '../seed/seed-results';
import { fmt, median, type Benchmark, type BenchContext } from './benchmark';
import {
  DASHBOARD_PAGES, DASHBOARD_SCALES, dashboardCase, dashboardCaseName, type Caller, type DashboardPage, type DashboardScale,
} from './dashboard-cases';

const REPEATS = 5;

/**
 * Seeds the dashboard benchmarks' database of one scale when it holds no results (a SQLite file or a PostgreSQL
 * database: `where` names it in messages); one already seeded gets its default profiles checked instead.
 */
export async function ensureSeeded(ctx: BenchContext, store: Store, where: string, scale: DashboardScale, flag: string): Promise<void> {
  const want = DASHBOARD_SCALES[scale];
  const have = await resultCount(store);
  if (have >= want) {
    // A database seeded before profiles were stored (or by older code: another PROFILE_FORMAT) gets them now, as
    // the seeder stores them: the bench measures pages after runs completed, not the first page after an upgrade.
    const started = performance.now();
    let warmed = 0;
    for (const run of (await latestCompletedRuns(store, 'core')).values()) if (await warmDefaultProfile(store, run.id)) warmed += 1;
    ctx.note(`default profiles of ${warmed} models checked/stored in ${fmt((performance.now() - started) / 1000, 1)} s`);
    return;
  }
  if (have > 0) throw new Error(`${where} holds ${have} results, not a seeded ${fmt(want)}: give another ${flag}`);
  let shown = 0;
  const report = await seedResults(store, {
    results: want,
    suite: loadSuite('core'),
    onProgress: (n) => {
      if (n - shown < 1_000_000) return;
      shown = n;
      ctx.note(`  seeding: ${fmt(n)} results`);
    },
  });
  ctx.note(`seeded ${where}: ${fmt(report.results)} results, ${report.runs} runs, ${report.models} models in ${report.seconds.toFixed(1)} s (${report.profiles} default profiles stored)`);
}

/** One cold call in a fresh process (dashboard-cold-child.ts) on a SQLite file or a PostgreSQL URL: its time in ms. */
export async function coldInChild(target: string, page: DashboardPage, byResults: string[]): Promise<number> {
  const child = fileURLToPath(new URL('./dashboard-cold-child.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, target, page, JSON.stringify(byResults)], { maxBuffer: 1 << 20 });
  return (JSON.parse(stdout.trim().split('\n').at(-1)!) as { ms: number }).ms;
}

/** The baseline of the dashboard lines: the median of REPEATS grouped passes over the results index (warm). */
export async function groupedScanBaseline(store: Store): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    await groupedResultsScan(store);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** The median of REPEATS calls on one open store, after a first call (the in-memory profile cache filled). */
export async function warmMedian(store: Store, call: (caller: Caller) => Promise<unknown>): Promise<number> {
  const caller = createCaller({ store });
  await call(caller);
  const warm: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    await call(caller);
    warm.push(performance.now() - started);
  }
  return median(warm);
}

/**
 * Times one case: cold = the first call in a fresh process, REPEATS times (nothing in memory: profiles are read from
 * the profile_cache rows the seeder stored, as the worker stores them when a run completes; everything else is
 * computed from the results); warm = repeated on one connection in this process (the in-memory profile cache).
 */
async function timeCase(file: string, page: DashboardPage, byResults: string[], call: (caller: Caller) => Promise<unknown>) {
  const cold: number[] = [];
  for (let i = 0; i < REPEATS; i++) cold.push(await coldInChild(file, page, byResults));
  const db = openDb(file);
  const warm = await warmMedian(sqliteStore(db), call);
  closeDb(db);
  return { slowest: Math.max(...cold), cold: median(cold), warm };
}

/**
 * dashboard.*_<scale>: the leaderboard, a model page and a four-model comparison through the tRPC procedures
 * (createCaller, the same code the pages call, in-process: no HTTP) on a database of seeded results (a million, or
 * ten million; each file is seeded once and reused). The headline is the cold median: the first call in a fresh
 * process (nothing of ours in memory; the default profiles are read from profile_cache, stored when the seeded runs
 * completed, as after real runs; the OS file cache is not dropped, so the file may be in memory). The slowest cold
 * call is printed too, and warm (the in-memory profile cache, valid until a run of the profile gets a new result)
 * next to it. Baseline: a grouped index pass.
 */
function dashboardBenchmark(scale: DashboardScale, flag: string, fileOf: (ctx: BenchContext) => string): Benchmark {
  const results = fmt(DASHBOARD_SCALES[scale]);
  return {
    names: DASHBOARD_PAGES.map((page) => dashboardCaseName(page, scale)),
    summary: `leaderboard, model page and 4-model comparison on ${results} results (cold and warm)`,
    async run(ctx) {
      const file = fileOf(ctx);
      if (!existsSync(file)) ctx.note(`creating ${file} (sawtooth seed --results ${DASHBOARD_SCALES[scale]})`);
      const db = openDb(file);
      await ensureSeeded(ctx, sqliteStore(db), file, scale, flag);
      const byResults = await modelsByResultCount(sqliteStore(db));
      // Baseline: one grouped pass over the results index (db/queries/bench-baselines.ts says why that one).
      const baseline = await groupedScanBaseline(sqliteStore(db));
      closeDb(db);
      if (byResults.length < 4) throw new Error(`${file} has results of only ${byResults.length} models; 4 are needed`);

      ctx.note(`${file}: ${results} results; baseline: one grouped pass over the results index ${fmt(baseline, 1)} ms (median of ${REPEATS})`);
      for (const page of DASHBOARD_PAGES) {
        const { call, what } = dashboardCase(page, byResults);
        const t = await timeCase(file, page, byResults, call);
        ctx.result(dashboardCaseName(page, scale), Math.round(t.cold), 'ms');
        ctx.note(`${what}: cold (fresh process) median ${fmt(t.cold)} ms, slowest ${fmt(t.slowest)} ms, warm median ${fmt(t.warm, 1)} ms; cold/baseline ${(t.cold / baseline).toFixed(2)}×`);
      }
    },
  };
}

export const dashboardQueries = dashboardBenchmark('1m', '--db', (ctx) => ctx.dashboardDb);
export const dashboardQueries10m = dashboardBenchmark('10m', '--db-10m', (ctx) => ctx.dashboardDb10m);
