import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closeDb, openDb, type Db } from '../../db/client';
import { copySqliteToPg } from '../../db/pg/copy';
import { sqliteDbOf } from '../../db/store';
import type { Dialect } from '../../db/store/store';
import { freshDatabase, type TestDatabase } from '../store-backends/backends';

/**
 * A fresh database of `dialect` holding what `seed` stores through the SQLite fixtures (seedRun: the real run
 * creation and recorder). On SQLite it seeds the database itself; on PostgreSQL it seeds a scratch SQLite file and
 * moves it in with `sawtooth db copy`'s own code (copySqliteToPg, counts checked), so both backends hold the same
 * rows. The explore tests read what the runner wrote; until the runner's fixtures run on the store, this is how a
 * PostgreSQL database gets those rows.
 */
export async function seededDatabase(dialect: Dialect, seed: (db: Db) => void | Promise<void>): Promise<TestDatabase> {
  const database = await freshDatabase(dialect);
  try {
    if (dialect === 'sqlite') {
      await seed(sqliteDbOf(database.store, 'seeding'));
      return database;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-seed-'));
    try {
      const file = path.join(dir, 'seed.db');
      const db = openDb(file);
      try {
        await seed(db);
      } finally {
        closeDb(db);
      }
      const report = await copySqliteToPg({ from: file, to: database.target });
      if (report.mismatched.length > 0) throw new Error(`seeding PostgreSQL: the copy of ${report.mismatched.join(', ')} is incomplete`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return database;
  } catch (error) {
    await database.drop();
    throw error;
  }
}
