// One cold dashboard query, in a process of its own (nothing of ours in memory: no module state, no prepared
// statements, no SQLite page cache of this connection / no PostgreSQL backend of this process yet; the OS file cache
// may still hold the data, PostgreSQL's shared buffers too unless the bench restarted the server, and the stored
// profiles of completed runs are in the profile_cache table, as after real runs):
//   node --import tsx scripts/bench/dashboard-cold-child.ts <SQLite file | postgres:// URL> <page: leaderboard|model_page|compare4> <models by result count, JSON>
// Prints {"ms": …}: the time of the first call, from a freshly opened database.
import { openStore } from '../../db/store';
import { createCaller } from '../../server/trpc/root';
import { dashboardCase, DASHBOARD_PAGES, isDashboardPage } from './dashboard-cases';

const [target, page, models] = process.argv.slice(2);
if (!page || !isDashboardPage(page)) throw new Error(`page: expected one of ${DASHBOARD_PAGES.join(', ')}, got ${page ?? 'nothing'}`);
// PostgreSQL: opening checks the migrations on one pooled connection (the pool opens more as the page asks for them).
const store = await openStore(target!);
const { call } = dashboardCase(page, JSON.parse(models!) as string[]);
const started = performance.now();
await call(createCaller({ store }));
const ms = performance.now() - started;
await store.close();
console.log(JSON.stringify({ ms }));
