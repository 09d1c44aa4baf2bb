import { getTableName, type Table } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { countsTable } from './counts-table';
import { tablesInForeignKeyOrder } from './table-order';

describe('db copy: table order and the counts table', () => {
  it('lists every table once, each after every table its foreign keys point at', () => {
    const order = tablesInForeignKeyOrder();
    const names = order.map((t) => getTableName(t));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['families', 'probes', 'suites', 'suite_pairs', 'models', 'runs', 'results', 'user_suites']));
    for (const table of order) {
      for (const fk of getTableConfig(table).foreignKeys) {
        const parent = getTableName(fk.reference().foreignTable as Table);
        expect(names.indexOf(parent), `${getTableName(table)} after ${parent}`).toBeLessThan(names.indexOf(getTableName(table)));
      }
    }
  });

  it('marks a table whose counts differ', () => {
    const text = countsTable([
      { table: 'families', sqlite: 28, postgres: 28 },
      { table: 'results', sqlite: 100_000, postgres: 99_999 },
    ]);
    expect(text.split('\n')[1]).toMatch(/^families\s+28\s+28$/);
    expect(text.split('\n')[2]).toMatch(/^results\s+100,000\s+99,999 {2}MISMATCH$/);
  });
});
