import v8 from 'node:v8';
import { setPageCacheMib } from '../../db/client';
import { sqliteDbOf, type Store } from '../../db/store';

/**
 * Settings for a process whose job is running a worker (`sawtooth worker`, `eval`, `runs resume`), so that its memory
 * stays flat however long the run. Not for the dashboard server, whose workload differs.
 *
 * - V8 heap growth: at a thousand probes a second, every request's objects that live across two scavenges (the SDK's
 *   abort signals and timers, queued rows) are promoted and die in the old generation, and V8's default heuristics
 *   let that garbage pile up to ~200 MB between mark-compacts, more the longer the run. Growing the old generation
 *   by at most 50 % over what survived the last full GC keeps the heap near 100 MB (measured: 100,000-probe run peak
 *   RSS 418 → 290 MB), for ~10 % more GC time. The flag is read at each heap-limit computation, so setting it at run
 *   time works (unlike --max-old-space-size).
 * - SQLite page cache 16 MB instead of the 64 MB openDb gives every connection: a worker appends results and reads its
 *   suite a page at a time, so a bigger cache only grows with the database without saving reads.
 */
export function tuneWorkerProcess(store: Store): void {
  v8.setFlagsFromString('--heap-growing-percent=50');
  // The page cache is SQLite's (in this process); PostgreSQL keeps its cache in the server.
  if (store.dialect === 'sqlite') setPageCacheMib(sqliteDbOf(store, 'the page cache'), 16);
}
