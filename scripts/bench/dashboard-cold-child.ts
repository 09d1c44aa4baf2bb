import { sqliteStore } from '../../db/store';
// One cold dashboard query, in a process of its own (nothing of ours in memory: no module state, no prepared
// statements, no SQLite page cache of this connection; the OS file cache may still hold the file, and the stored
// profiles of completed runs are in the profile_cache table, as after real runs):
//   node --import tsx scripts/bench/dashboard-cold-child.ts <db file> <page: leaderboard|model_page|compare4> <models by result count, JSON>
// Prints {"ms": …}: the time of the first call, from a freshly opened database.
import { closeDb, openDb } from '../../db/client';
import { createCaller } from '../../server/trpc/root';
import { dashboardCase, DASHBOARD_PAGES, isDashboardPage } from './dashboard-cases';

const [file, page, models] = process.argv.slice(2);
if (!page || !isDashboardPage(page)) throw new Error(`page: expected one of ${DASHBOARD_PAGES.join(', ')}, got ${page ?? 'nothing'}`);
const db = openDb(file!);
const { call } = dashboardCase(page, JSON.parse(models!) as string[]);
const started = performance.now();
await call(createCaller({ store: sqliteStore(db) }));
const ms = performance.now() - started;
closeDb(db);
console.log(JSON.stringify({ ms }));
