import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/**
 * bigint (int8) comes back from node-postgres as a string by default (it may exceed 2^53); ours hold epoch
 * milliseconds and counts, far below that, so they read as numbers, as they do from SQLite.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/** A connection pool to the PostgreSQL database at `url` (postgres://user:password@host:port/database). */
export function openPg(url: string): PgDb {
  // A server that never answers fails in 10 s with a message instead of hanging the command.
  const pool = new pg.Pool({ connectionString: url, types, connectionTimeoutMillis: 10_000, max: 4 });
  // An idle pooled connection that the server drops must not crash the process; the next query reports it.
  pool.on('error', () => {});
  return drizzle({ client: pool, schema }) as PgDb;
}

export async function closePg(db: PgDb): Promise<void> {
  await db.$client.end();
}

/** The committed PostgreSQL migrations: next to this file in a checkout; under the cwd when a bundler moved it. */
function locatePgMigrations(): string {
  const candidates = [
    path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
    path.resolve(process.cwd(), 'db', 'pg', 'migrations'),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'meta', '_journal.json')));
  if (!found) throw new Error(`PostgreSQL migrations not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Brings the database up to the committed PostgreSQL migrations (drizzle's node-postgres migrator; idempotent). */
export async function migratePg(db: PgDb): Promise<void> {
  await migrate(db, { migrationsFolder: locatePgMigrations() });
}

/** Any fixed 64-bit number: the advisory lock under which one process at a time migrates a database. */
const MIGRATION_LOCK = 0x5a7_0001;

/**
 * The same, on a bare pool (the store's). Several processes starting at once on an empty database (three workers, a
 * dashboard) would each create the tables and all but one fail ("relation already exists"): one at a time migrates,
 * under an advisory lock held on a connection of its own; the others then find nothing left to do.
 */
export async function migratePgPool(pool: pg.Pool): Promise<void> {
  const lock = await pool.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle({ client: pool }), { migrationsFolder: locatePgMigrations() });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    lock.release();
  }
}
