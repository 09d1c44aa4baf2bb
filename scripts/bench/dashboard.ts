import { existsSync } from 'node:fs';
import { openDb } from '../../db/client';
import { loadSuite } from '../../evals/suites';
import { createCaller } from '../../server/trpc/root';
import { seedResults } from '../seed/seed-results';
import { fmt, median, type Benchmark, type BenchContext } from './benchmark';

const MILLION = 1_000_000;
const REPEATS = 5;

/** Opens (seeding it first when it holds fewer than a million results) the dashboard benchmarks' database. */
function ensureSeeded(ctx: BenchContext): void {
  const db = openDb(ctx.dashboardDb);
  try {
    const have = db.$client.prepare('SELECT count(*) FROM results').pluck().get() as number;
    if (have >= MILLION) return;
    if (have > 0) throw new Error(`${ctx.dashboardDb} holds ${have} results, not a seeded million: give another --db`);
    const report = seedResults(db, { results: MILLION, suite: loadSuite('core') });
    ctx.note(`seeded ${ctx.dashboardDb}: ${fmt(report.results)} results, ${report.runs} runs, ${report.models} models in ${report.seconds.toFixed(1)} s`);
  } finally {
    db.$client.close();
  }
}

type Caller = ReturnType<typeof createCaller>;

/** Times one procedure: cold = a fresh connection each time (no cached aggregates), warm = repeated on one. */
async function timeProcedure(file: string, call: (caller: Caller) => Promise<unknown>) {
  const cold: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const db = openDb(file);
    const started = performance.now();
    await call(createCaller({ db }));
    cold.push(performance.now() - started);
    db.$client.close();
  }
  const db = openDb(file);
  const caller = createCaller({ db });
  await call(caller);
  const warm: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    await call(caller);
    warm.push(performance.now() - started);
  }
  db.$client.close();
  return { first: cold[0]!, cold: median(cold), warm: median(warm) };
}

/**
 * dashboard.*_1m: the leaderboard, a model page and a four-model comparison through the tRPC procedures
 * (createCaller, the same code the pages call) on a database of a million seeded results. The headline is the cold
 * median (a fresh connection: nothing cached, every aggregate computed from the results); warm (the server's
 * per-model cache, valid until the model gets a new result) is printed next to it. Baseline: a grouped index pass.
 */
export const dashboardQueries: Benchmark = {
  names: ['dashboard.leaderboard_1m', 'dashboard.model_page_1m', 'dashboard.compare4_1m'],
  summary: 'leaderboard, model page and 4-model comparison on a million results (cold and warm)',
  async run(ctx) {
    if (!existsSync(ctx.dashboardDb)) ctx.note(`creating ${ctx.dashboardDb} (sawtooth seed --results 1000000)`);
    ensureSeeded(ctx);
    const db = openDb(ctx.dashboardDb);
    const byResults = db.$client.prepare('SELECT model_id FROM results GROUP BY model_id ORDER BY count(*) DESC').pluck().all() as string[];
    // Baseline: one pass over the million results' (model, probe, outcome) index, grouped: the least work any
    // aggregate over every result needs (count(*) alone is answered from b-tree page headers, too cheap to compare).
    const scan = db.$client.prepare('SELECT model_id, probe_key, outcome, count(*) FROM results GROUP BY model_id, probe_key, outcome');
    const baseline = median(Array.from({ length: REPEATS }, () => {
      const started = performance.now();
      scan.all();
      return performance.now() - started;
    }));
    db.$client.close();
    if (byResults.length < 4) throw new Error(`${ctx.dashboardDb} has results of only ${byResults.length} models; 4 are needed`);

    // Each case is everything its page asks for on load (the pages send these together; timed one after another).
    const model = byResults.find((id) => id.includes('ctm')) ?? byResults[0]!;
    const four = byResults.slice(0, 4);
    const cases: Array<[string, (caller: Caller) => Promise<unknown>, string]> = [
      ['dashboard.leaderboard_1m', (c) => c.models.leaderboard(), `models.leaderboard, ${byResults.length} models`],
      [
        'dashboard.model_page_1m',
        (c) => Promise.all([c.models.get({ id: model }), c.models.jaggedPairs({ id: model }), c.models.thinkingTime({ id: model })]),
        `models.get + jaggedPairs + thinkingTime of ${model}`,
      ],
      [
        'dashboard.compare4_1m',
        (c) => Promise.all([c.compare.get({ models: four }), c.compare.disagreements({ models: four })]),
        `compare.get + disagreements of ${four.join(', ')}`,
      ],
    ];
    ctx.note(`baseline: one grouped pass over the results index ${fmt(baseline, 1)} ms (median of ${REPEATS})`);
    for (const [name, call, what] of cases) {
      const t = await timeProcedure(ctx.dashboardDb, call);
      ctx.result(name, Math.round(t.cold), 'ms');
      ctx.note(`${what}: cold median ${fmt(t.cold)} ms (first call ${fmt(t.first)} ms), warm median ${fmt(t.warm, 1)} ms; cold/baseline ${(t.cold / baseline).toFixed(1)}×`);
    }
  },
};
