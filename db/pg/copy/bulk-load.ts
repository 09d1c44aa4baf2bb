import type { PoolClient } from 'pg';

/** A secondary index or a foreign key, as the catalog states it: enough to create it again exactly. */
interface Definition {
  table: string;
  name: string;
  def: string;
}

/**
 * Drops the secondary indexes and the foreign keys of `tables` for a bulk load, returning what puts them back.
 * Inserting row by row into five indexes and through two foreign-key checks per result is most of a copy's time;
 * building each index once at the end (a sort) and validating each foreign key once (one join) is several times
 * faster, as pg_restore does. Primary keys stay (the copy's keys are checked as they go). Both halves run inside
 * the copy's transaction: the target never shows a table without its indexes, and a failed rebuild (a duplicate, a
 * dangling reference) rolls the whole copy back, naming the index or constraint.
 */
export async function dropForBulkLoad(client: PoolClient, tables: string[]): Promise<() => Promise<void>> {
  const regclasses = tables.map((t) => `"${t.replace(/"/g, '""')}"`);
  const foreignKeys = (await client.query<Definition>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
     FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY($1::regclass[]) ORDER BY conname`,
    [regclasses],
  )).rows;
  const indexes = (await client.query<Definition>(
    `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i
     WHERE i.indrelid = ANY($1::regclass[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
     ORDER BY 2`,
    [regclasses],
  )).rows;
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  return async () => {
    for (const index of indexes) await run(client, index.def, `rebuilding index ${index.name}`);
    for (const fk of foreignKeys) {
      await run(client, `ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.def}`, `checking foreign key ${fk.name} of ${fk.table}`);
    }
  };
}

async function run(client: PoolClient, statement: string, what: string): Promise<void> {
  try {
    await client.query(statement);
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message}`, { cause: error });
  }
}
