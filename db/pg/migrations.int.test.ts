import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../client';
import { postgresForTests, startThrowawayCluster, type ThrowawayCluster } from '../../testing/postgres';
import { closePg, migratePg, openPg, type PgDb } from './client';
import * as pgSchema from './schema';

const binaries = postgresForTests();
const tables = (Object.values(pgSchema) as unknown[]).filter((t): t is PgTable => is(t, PgTable)).map((t) => getTableConfig(t));

describe.skipIf(!binaries)('the committed PostgreSQL migrations', () => {
  let cluster: ThrowawayCluster;
  let db: PgDb;
  beforeAll(async () => {
    cluster = await startThrowawayCluster(binaries);
    db = openPg(await cluster.createDatabase('migrated'));
  });
  afterAll(async () => {
    if (db) await closePg(db);
    if (cluster) await cluster.stop();
  });

  it('apply to an empty database, twice without harm, and create every table, column and index of db/pg/schema and of a freshly migrated SQLite file', async () => {
    await migratePg(db);
    await migratePg(db);
    const pool = db.$client;
    const columns = (await pool.query<{ table: string; column: string; type: string; nullable: string }>(
      `SELECT table_name AS table, column_name AS column, data_type AS type, is_nullable AS nullable
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    )).rows;
    const indexes = new Set((await pool.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'`)).rows.map((r) => r.name));

    // The migrations, not only the schema files: a schema edit without `npm run db:generate:pg` fails here.
    expect([...new Set(columns.map((c) => c.table))].sort()).toEqual(tables.map((t) => t.name).sort());
    for (const table of tables) {
      const applied = columns.filter((c) => c.table === table.name);
      expect(applied.map((c) => [c.column, c.type, c.nullable === 'NO']), table.name).toEqual(
        table.columns.map((c) => [c.name, c.getSQLType(), c.notNull]),
      );
      for (const index of table.indexes) expect(indexes.has(index.config.name!), `${table.name}: index ${index.config.name}`).toBe(true);
    }
    // And the SQLite file as its own migrations leave it (0000 … 0008, hand-written steps included): same tables,
    // same columns (as sets: SQLite's ALTER TABLE ADD COLUMN appends, so `models.scope` sits last there), same index names.
    const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-pgmig-'));
    try {
      const lite = openDb(path.join(dir, 'fresh.db'));
      const sqlite = lite.$client;
      const liteTables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name`).pluck().all() as string[]);
      expect(liteTables).toEqual([...new Set(columns.map((c) => c.table))].sort());
      for (const table of liteTables) {
        const liteColumns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY name`).pluck().all(table) as string[]);
        expect(columns.filter((c) => c.table === table).map((c) => c.column).sort(), table).toEqual(liteColumns);
      }
      const liteIndexes = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%' ORDER BY name`).pluck().all() as string[];
      expect(liteIndexes.length).toBeGreaterThanOrEqual(13);
      for (const name of liteIndexes) expect(indexes.has(name), `index ${name} of the SQLite database`).toBe(true);
      closeDb(lite);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const migrations = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    expect(migrations.rows[0]!.n).toBeGreaterThanOrEqual(1);
  });
});
