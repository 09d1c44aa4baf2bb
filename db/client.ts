import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The committed migrations: next to this file in a checkout; under the cwd when a bundler moved this file. */
function locateMigrations(): string {
  const candidates = [
    path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
    path.resolve(process.cwd(), 'db', 'migrations'),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'meta', '_journal.json')));
  if (!found) throw new Error(`database migrations not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * Opens (creating and migrating on first use) the SQLite database at `file`.
 * WAL lets the dashboard read while a worker writes; busy_timeout makes concurrent writers (app server + CLI worker)
 * wait for each other instead of failing.
 */
export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const client = new Database(file);
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = NORMAL');
  client.pragma('busy_timeout = 10000');
  client.pragma('foreign_keys = ON');
  client.pragma('cache_size = -65536');
  const db = drizzle({ client, schema }) as Db;
  migrate(db, { migrationsFolder: locateMigrations() });
  return db;
}

/** Closes the connection (scripts and benches that opened their own database). */
export function closeDb(db: Db): void {
  db.$client.close();
}

/** Sets this connection's SQLite page cache, in MiB (openDb gives 64). */
export function setPageCacheMib(db: Db, mib: number): void {
  db.$client.pragma(`cache_size = -${Math.round(mib * 1024)}`);
}
