import { getTableName, is, type SQL, type Table } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as sqliteSchema from '../schema';
import * as pgSchema from './schema';

/**
 * The PostgreSQL schema must hold the same tables, columns, keys and indexes as the SQLite one (after all its
 * migrations), so that `db copy` loses nothing and a later store interface finds the same shape on both. A column or
 * index added to one dialect only fails here, by name.
 */
const sqliteTables = (Object.values(sqliteSchema) as unknown[]).filter((t): t is SQLiteTable => is(t, SQLiteTable));
const pgTables = (Object.values(pgSchema) as unknown[]).filter((t): t is PgTable => is(t, PgTable));

/** SQLite integer columns holding epoch milliseconds without drizzle's timestamp mode: bigint on PostgreSQL. */
const EPOCH_MS_INTEGERS = new Set(['runs.lease_expires_at', 'sessions.created_at', 'sessions.last_seen_at', 'sessions.expires_at', 'profile_cache.created_at',
  'run_chunks.done_at', 'workers.started_at', 'workers.heartbeat_at', 'rate_slots.used_at']);

/** The PostgreSQL column type each SQLite column must become (the reasons are in db/pg/schema/). */
function expectedPgType(table: string, column: SQLiteColumn): string {
  switch (column.columnType) {
    case 'SQLiteText':
      return 'PgText';
    case 'SQLiteTextJson':
      return 'PgJsonb';
    case 'SQLiteReal':
      return 'PgDoublePrecision'; // SQLite's REAL is 8 bytes; PostgreSQL's real is 4
    case 'SQLiteBoolean':
      return 'PgBoolean';
    case 'SQLiteTimestamp':
      return 'PgBigInt53';
    case 'SQLiteInteger':
      return EPOCH_MS_INTEGERS.has(`${table}.${column.name}`) ? 'PgBigInt53' : 'PgInteger';
    default:
      return `unmapped ${column.columnType}`;
  }
}

function sqlText(where: SQL | undefined): string | null {
  return where ? where.queryChunks.map((c) => (c && typeof c === 'object' && 'value' in c ? (c.value as string[]).join('') : '?')).join('') : null;
}

function shape(config: ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>) {
  return {
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    indexes: config.indexes
      .map((i) => ({ name: i.config.name, columns: i.config.columns.map((c) => ('name' in c ? c.name : '?')), unique: i.config.unique, where: sqlText(i.config.where) }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return `${ref.columns.map((c) => c.name).join(',')} -> ${getTableName(ref.foreignTable as Table)}(${ref.foreignColumns.map((c) => c.name).join(',')})`;
      })
      .sort(),
    uniqueConstraints: config.uniqueConstraints.length,
  };
}

describe('the PostgreSQL schema matches the SQLite schema', () => {
  it('has the same tables', () => {
    expect(pgTables.map((t) => pgConfig(t).name).sort()).toEqual(sqliteTables.map((t) => sqliteConfig(t).name).sort());
    expect(sqliteTables.length).toBeGreaterThanOrEqual(11);
  });

  for (const sqliteTable of sqliteTables) {
    const lite = sqliteConfig(sqliteTable);
    describe(lite.name, () => {
      const pgTable = pgTables.find((t) => pgConfig(t).name === lite.name);
      const pgc = pgTable ? pgConfig(pgTable) : undefined;

      it('has the same columns, each with its counterpart type, nullability, key, default and enum', () => {
        expect(pgc, `no PostgreSQL table ${lite.name}`).toBeDefined();
        expect(pgc!.columns.map((c) => c.name)).toEqual(lite.columns.map((c) => c.name));
        for (const column of lite.columns) {
          const other = pgc!.columns.find((c) => c.name === column.name) as PgColumn;
          const where = `${lite.name}.${column.name}`;
          expect(other.columnType, where).toBe(expectedPgType(lite.name, column));
          expect(other.notNull, `${where} not null`).toBe(column.notNull);
          expect(other.primary, `${where} primary key`).toBe(column.primary);
          expect(other.hasDefault, `${where} default`).toBe(column.hasDefault);
          expect(other.enumValues, `${where} enum`).toEqual(column.enumValues);
          // An SQLite AUTOINCREMENT key is an identity column on PostgreSQL (db copy resets its sequence).
          const autoIncrement = (column as SQLiteColumn & { autoIncrement?: boolean }).autoIncrement === true;
          expect(other.generatedIdentity?.type === 'byDefault', `${where} generated key`).toBe(autoIncrement);
        }
      });

      it('has the same primary key, indexes (names, columns, uniqueness, predicate) and foreign keys', () => {
        expect(shape(pgc!)).toEqual(shape(lite));
      });
    });
  }
});
