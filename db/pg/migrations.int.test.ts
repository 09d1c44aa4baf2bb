import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('apply to an empty database, twice without harm, and create every table, column and index of db/pg/schema', async () => {
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
    const migrations = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    expect(migrations.rows[0]!.n).toBeGreaterThanOrEqual(1);
  });
});
