import { getTableName } from 'drizzle-orm';
import type { PoolClient } from 'pg';
import { closeDb, type Db } from '../../client';
import { closePg, migratePg, openPg, type PgDb } from '../client';
import { CopyError } from './copy-error';
import { dropForBulkLoad } from './bulk-load';
import { copyTable, sqliteRowCount } from './copy-table';
import { describePgError, redactUrl } from '../pg-errors';
import { lockForCopy, pgRowCount, resetIdentitySequences, tablesHoldingRows } from './pg-target';
import { openSqliteSource } from './sqlite-source';
import { tablesInForeignKeyOrder } from './table-order';

export interface TableCount {
  table: string;
  sqlite: number;
  postgres: number;
}

export interface CopyReport {
  /** Every table in copy order, with its rows on each side after the copy. */
  tables: TableCount[];
  /** Tables whose counts differ (empty when the copy is whole). */
  mismatched: string[];
  rows: number;
  seconds: number;
}

export interface CopyOptions {
  from: string;
  to: string;
  /** Rows per INSERT statement (default 5,000). */
  batchRows?: number;
  /** Called after each batch: the table, rows of it copied so far, and its total. */
  onProgress?: (table: string, copied: number, total: number) => void;
  /** Called when a step other than copying rows starts (its description). */
  onStep?: (what: string) => void;
  /** Milliseconds, for the reported duration (injected by tests; defaults to performance.now). */
  now?: () => number;
}

/** A postgres:// or postgresql:// URL, or a CopyError naming the flag. */
export function checkPostgresUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CopyError('--to: not a URL; give postgres://user:password@host:port/database');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new CopyError(`--to: expected a postgres:// URL, got ${parsed.protocol}//…`);
  }
}

async function connect(pgDb: PgDb, url: string): Promise<PoolClient> {
  try {
    return await pgDb.$client.connect();
  } catch (error) {
    throw new CopyError(describePgError(error, url));
  }
}

/**
 * Copies a Sawtooth SQLite database into an empty PostgreSQL database: applies the PostgreSQL migrations, refuses a
 * target that holds rows (before writing anything), copies every table in foreign-key order in batches inside ONE
 * transaction (a failure leaves the target as it was, tables aside), resets the identity sequences, then counts both
 * sides. The source is read inside one SQLite read transaction, so a worker writing meanwhile does not tear the copy.
 */
export async function copySqliteToPg(options: CopyOptions): Promise<CopyReport> {
  const now = options.now ?? (() => performance.now());
  const batchRows = options.batchRows ?? 5000;
  checkPostgresUrl(options.to);
  const source: Db = openSqliteSource(options.from);
  const pgDb = openPg(options.to);
  const tables = tablesInForeignKeyOrder();
  const names = tables.map((t) => getTableName(t));
  try {
    const client = await connect(pgDb, options.to);
    try {
      const holding = await tablesHoldingRows(client, names);
      if (holding.length > 0) {
        throw new CopyError(`--to: ${redactUrl(options.to)} already holds data (in ${holding.join(', ')}): copy into an empty database; nothing was written`);
      }
      try {
        await migratePg(pgDb);
      } catch (error) {
        throw new CopyError(`--to: applying the PostgreSQL migrations failed: ${(error as Error).message}`);
      }
      const started = now();
      source.$client.exec('BEGIN');
      try {
        const expected = new Map(names.map((n) => [n, sqliteRowCount(source, n)]));
        await client.query('BEGIN');
        try {
          await lockForCopy(client, names);
          const late = await tablesHoldingRows(client, names);
          if (late.length > 0) throw new CopyError(`--to: ${redactUrl(options.to)} received data meanwhile (in ${late.join(', ')}); nothing was copied`);
          const restore = await dropForBulkLoad(client, names);
          for (const table of tables) {
            const name = getTableName(table);
            await copyTable(source, client, table, batchRows, (copied) => options.onProgress?.(name, copied, expected.get(name)!));
          }
          options.onStep?.('rebuilding the indexes and checking the foreign keys');
          await restore();
          await resetIdentitySequences(client, tables);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
        const counts: TableCount[] = [];
        for (const name of names) counts.push({ table: name, sqlite: expected.get(name)!, postgres: await pgRowCount(client, name) });
        return {
          tables: counts,
          mismatched: counts.filter((c) => c.sqlite !== c.postgres).map((c) => c.table),
          rows: counts.reduce((sum, c) => sum + c.postgres, 0),
          seconds: (now() - started) / 1000,
        };
      } finally {
        source.$client.exec('COMMIT');
      }
    } finally {
      client.release();
    }
  } catch (error) {
    if (error instanceof CopyError) throw error;
    // A connection lost mid-copy, or the server refusing something: one line, the URL without its password.
    throw new CopyError(describePgError(error, options.to));
  } finally {
    closeDb(source);
    await closePg(pgDb);
  }
}
