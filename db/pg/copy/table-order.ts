import { getTableName, is, type Table } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../schema';

/**
 * Every table of the PostgreSQL schema, each after the tables its foreign keys point at, so that rows can be inserted
 * table by table with the constraints checked as they go. Ties keep the alphabetical order (a stable listing).
 */
export function tablesInForeignKeyOrder(): PgTable[] {
  const tables = (Object.values(schema) as unknown[])
    .filter((t): t is PgTable => is(t, PgTable))
    .sort((a, b) => getTableName(a).localeCompare(getTableName(b)));
  const ordered: PgTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.find((t) => {
      const name = getTableName(t);
      if (placed.has(name)) return false;
      const parents = getTableConfig(t).foreignKeys.map((fk) => getTableName(fk.reference().foreignTable as Table));
      return parents.every((p) => p === name || placed.has(p));
    });
    if (!ready) throw new Error('the PostgreSQL schema has a foreign-key cycle: no order to copy its tables in');
    ordered.push(ready);
    placed.add(getTableName(ready));
  }
  return ordered;
}
