import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { PoolClient } from 'pg';
import type { Db } from '../../client';
import { toPgConverter } from './column-values';
import { CopyError } from './copy-error';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows of one table in the SQLite source. */
export function sqliteRowCount(source: Db, table: string): number {
  return source.$client.prepare(`SELECT count(*) FROM ${quote(table)}`).pluck().get() as number;
}

/**
 * Copies one table from SQLite to PostgreSQL, `batchRows` rows per statement, walking the source by rowid (a keyset:
 * each batch is an indexed range, never an OFFSET). A batch goes in as ONE parameter, the rows as a JSON array,
 * turned back into rows of the table by `json_populate_recordset`: JSON.stringify and PostgreSQL's JSON parser are
 * native code, where node-postgres's escaping of one array parameter per column took most of a copy's time.
 * Returns the rows copied. Runs inside the caller's transactions on both sides.
 */
export async function copyTable(source: Db, target: PoolClient, table: PgTable, batchRows: number, onBatch: (copied: number) => void): Promise<number> {
  const { name, columns } = getTableConfig(table);
  const names = columns.map((c) => c.name);
  // A column only the source has (a database from a newer Sawtooth) would be dropped without a word: refuse instead.
  const unknown = (source.$client.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(name) as string[]).filter((c) => !names.includes(c));
  if (unknown.length > 0) throw new CopyError(`--from: ${name} has columns this version of sawtooth does not know (${unknown.join(', ')}): copy it with the version that wrote it`);
  const convert = columns.map(toPgConverter);
  const read = source.$client
    .prepare(`SELECT rowid, ${names.map(quote).join(', ')} FROM ${quote(name)} WHERE rowid > ? ORDER BY rowid LIMIT ?`)
    .raw();
  const list = names.map(quote).join(', ');
  const insert = `INSERT INTO ${quote(name)} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${quote(name)}, $1::json)`;
  let after = -Infinity;
  let copied = 0;
  for (;;) {
    const rows = read.all(after, batchRows) as unknown[][];
    if (rows.length === 0) return copied;
    const objects = rows.map((row) => {
      const object: Record<string, unknown> = {};
      for (let c = 0; c < names.length; c++) {
        try {
          object[names[c]!] = convert[c]!(row[c + 1]);
        } catch (error) {
          throw new CopyError(`--from: ${name}.${names[c]} of row ${String(row[0])} ${(error as Error).message}; nothing was copied`);
        }
      }
      return object;
    });
    try {
      await target.query(insert, [JSON.stringify(objects)]);
    } catch (error) {
      throw new CopyError(`copying ${name} (rows after rowid ${after}): ${(error as Error).message}; nothing was copied`);
    }
    after = rows[rows.length - 1]![0] as number;
    copied += rows.length;
    onBatch(copied);
  }
}
