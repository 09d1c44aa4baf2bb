import { isPostgresUrl, openPgStore } from './pg-store';
import { openSqliteStore } from './sqlite-store';
import type { Store } from './store';

/** Opens the database a target names: a postgres:// URL, else a SQLite file path (created and migrated on first use). */
export async function openStore(target: string): Promise<Store> {
  return isPostgresUrl(target) ? openPgStore(target) : openSqliteStore(target);
}
