import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { openDb, type Db } from '../../client';
import { CopyError } from './copy-error';

/** Tables every Sawtooth database has had since its first migration: their absence means another file. */
const SAWTOOTH_TABLES = ['__drizzle_migrations', 'families', 'probes', 'models', 'runs', 'results'];

/**
 * Opens the SQLite file to copy from. It is checked read-only first (present, SQLite, Sawtooth's) so that a wrong file
 * is refused untouched; then opened as every command opens it, which brings an older Sawtooth database up to the
 * current migrations (they keep every row).
 */
export function openSqliteSource(file: string): Db {
  if (!existsSync(file)) throw new CopyError(`--from: no such file: ${file}`);
  if (!statSync(file).isFile()) throw new CopyError(`--from: not a file: ${file}`);
  let tables: string[];
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    tables = (probe.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
  } catch (error) {
    throw new CopyError(`--from: ${file} is not an SQLite database (${(error as Error).message})`);
  } finally {
    probe.close();
  }
  const missing = SAWTOOTH_TABLES.filter((t) => !tables.includes(t));
  if (missing.length > 0) throw new CopyError(`--from: ${file} is not a Sawtooth database (no ${missing.join(', ')} table${missing.length > 1 ? 's' : ''})`);
  return openDb(file);
}
