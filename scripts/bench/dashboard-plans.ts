// The PostgreSQL plans behind one dashboard page, as the bench calls it (the evidence for what the *_pg lines read):
//   node --import tsx scripts/bench/dashboard-plans.ts <kept cluster folder, e.g. .tmp/bench-pg-10m> <leaderboard|model_page|compare4> [min ms, default 0]
// Starts the bench's kept cluster (seeded by `npm run bench -- dashboard.leaderboard_10m_pg`), restarts it (cold),
// calls the page twice (cold, then warm) with auto_explain on for this process's connections, prints every
// statement that took at least `min ms` with its plan (EXPLAIN ANALYZE, BUFFERS) from the server log, then stops it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { modelsByResultCount } from '../../db/queries/bench-baselines';
import { openPgStore } from '../../db/store';
import { createCaller } from '../../server/trpc/root';
import { startKeptCluster } from '../../testing/postgres';
import { dashboardCase, DASHBOARD_PAGES, isDashboardPage } from './dashboard-cases';

const [dir, page, minMs = '0'] = process.argv.slice(2);
if (!dir) throw new Error('cluster folder: give the kept cluster of the bench, e.g. .tmp/bench-pg-10m');
if (!page || !isDashboardPage(page)) throw new Error(`page: expected one of ${DASHBOARD_PAGES.join(', ')}, got ${page ?? 'nothing'}`);
if (!/^\d+$/.test(minMs)) throw new Error(`min ms: a whole number of milliseconds, got ${minMs}`);

const cluster = await startKeptCluster(dir);
try {
  const url = cluster.url('sawtooth');
  const probe = await openPgStore(url, { migrate: false });
  const byResults = await modelsByResultCount(probe).finally(() => probe.close());
  await cluster.restart();
  const log = path.join(path.resolve(dir), 'server.log');
  const logStart = readFileSync(log, 'utf8').length;
  // Settings for this client's sessions only (the startup packet's options), not the server's.
  const explain = `-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=${minMs} -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on`;
  const store = await openPgStore(`${url}?options=${encodeURIComponent(explain)}`, { migrate: false });
  try {
    const { call, what } = dashboardCase(page, byResults);
    for (const round of ['cold (server restarted, fresh connections)', 'warm']) {
      const started = performance.now();
      await call(createCaller({ store }));
      console.log(`${what}, ${round}: ${(performance.now() - started).toFixed(1)} ms`);
    }
  } finally {
    await store.close();
  }
  console.log(readFileSync(log, 'utf8').slice(logStart));
} finally {
  await cluster.stop();
}
