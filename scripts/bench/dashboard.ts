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
import { DASHBOARD_CASES, dashboardCase, type Caller, type DashboardCase } from './dashboard-cases';

const MILLION = 1_000_000;
const REPEATS = 5;

/** Opens (seeding it first when it holds fewer than a million results) the dashboard benchmarks' database. */
function ensureSeeded(ctx: BenchContext): void {
  const db = openDb(ctx.dashboardDb);
  try {
    const have = resultCount(db);
    if (have >= MILLION) {
      // A database seeded before profiles were stored (or by older code: another PROFILE_FORMAT) gets them now, as
      // the seeder stores them: the bench measures pages after runs completed, not the first page after an upgrade.
      const started = performance.now();
      const warmed = [...latestCompletedRuns(db, 'core').values()].filter((run) => warmDefaultProfile(db, run.id)).length;
      ctx.note(`default profiles of ${warmed} models checked/stored in ${fmt((performance.now() - started) / 1000, 1)} s`);
      return;
    }
    if (have > 0) throw new Error(`${ctx.dashboardDb} holds ${have} results, not a seeded million: give another --db`);
    const report = seedResults(db, { results: MILLION, suite: loadSuite('core') });
    ctx.note(`seeded ${ctx.dashboardDb}: ${fmt(report.results)} results, ${report.runs} runs, ${report.models} models in ${report.seconds.toFixed(1)} s (${report.profiles} default profiles stored)`);
  } finally {
    closeDb(db);
  }
}

/** One cold call in a fresh process (dashboard-cold-child.ts): its time in ms. */
async function coldInChild(file: string, name: DashboardCase, byResults: string[]): Promise<number> {
  const child = fileURLToPath(new URL('./dashboard-cold-child.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, file, name, JSON.stringify(byResults)], { maxBuffer: 1 << 20 });
  return (JSON.parse(stdout.trim().split('\n').at(-1)!) as { ms: number }).ms;
}

/**
 * Times one case: cold = the first call in a fresh process, REPEATS times (nothing in memory: profiles are read from
 * the profile_cache rows the seeder stored, as the worker stores them when a run completes; everything else is
 * computed from the results); warm = repeated on one connection in this process (the in-memory profile cache).
 */
async function timeCase(file: string, name: DashboardCase, byResults: string[], call: (caller: Caller) => Promise<unknown>) {
  const cold: number[] = [];
  for (let i = 0; i < REPEATS; i++) cold.push(await coldInChild(file, name, byResults));
  const db = openDb(file);
  const caller = createCaller({ db });
  await call(caller);
  const warm: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    await call(caller);
    warm.push(performance.now() - started);
  }
  closeDb(db);
  return { slowest: Math.max(...cold), cold: median(cold), warm: median(warm) };
}

/**
 * dashboard.*_1m: the leaderboard, a model page and a four-model comparison through the tRPC procedures
 * (createCaller, the same code the pages call, in-process: no HTTP) on a database of a million seeded results. The
 * headline is the cold median: the first call in a fresh process (nothing of ours in memory; the default profiles are
 * read from profile_cache, stored when the seeded runs completed, as after real runs; the OS file cache is not
 * dropped, so the file may be in memory). The slowest cold call is printed too, and warm (the in-memory profile
 * cache, valid until a run of the profile gets a new result) next to it.
 * Baseline: a grouped index pass.
 */
export const dashboardQueries: Benchmark = {
  names: [...DASHBOARD_CASES],
  summary: 'leaderboard, model page and 4-model comparison on a million results (cold and warm)',
  async run(ctx) {
    if (!existsSync(ctx.dashboardDb)) ctx.note(`creating ${ctx.dashboardDb} (sawtooth seed --results 1000000)`);
    ensureSeeded(ctx);
    const db = openDb(ctx.dashboardDb);
    const byResults = modelsByResultCount(db);
    // Baseline: one grouped pass over the results index (db/queries/bench-baselines.ts says why that one).
    const scan = groupedResultsScan(db);
    const baseline = median(Array.from({ length: REPEATS }, () => {
      const started = performance.now();
      scan();
      return performance.now() - started;
    }));
    closeDb(db);
    if (byResults.length < 4) throw new Error(`${ctx.dashboardDb} has results of only ${byResults.length} models; 4 are needed`);

    ctx.note(`baseline: one grouped pass over the results index ${fmt(baseline, 1)} ms (median of ${REPEATS})`);
    for (const name of DASHBOARD_CASES) {
      const { call, what } = dashboardCase(name, byResults);
      const t = await timeCase(ctx.dashboardDb, name, byResults, call);
      ctx.result(name, Math.round(t.cold), 'ms');
      ctx.note(`${what}: cold (fresh process) median ${fmt(t.cold)} ms, slowest ${fmt(t.slowest)} ms, warm median ${fmt(t.warm, 1)} ms; cold/baseline ${(t.cold / baseline).toFixed(1)}×`);
    }
  },
};
