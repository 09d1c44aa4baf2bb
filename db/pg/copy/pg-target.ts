import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { PoolClient } from 'pg';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables of ours that exist in the target and hold at least one row (a copy goes only into an empty database). */
export async function tablesHoldingRows(client: PoolClient, tables: string[]): Promise<string[]> {
  const holding: string[] = [];
  for (const table of tables) {
    const present = await client.query<{ present: boolean }>('SELECT to_regclass($1) IS NOT NULL AS present', [quote(table)]);
    if (!present.rows[0]!.present) continue;
    const any = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS any`);
    if (any.rows[0]!.any) holding.push(table);
  }
  return holding;
}

/** Takes the tables for the copy: nobody else writes them until it commits (readers still read). */
export async function lockForCopy(client: PoolClient, tables: string[]): Promise<void> {
  await client.query(`LOCK TABLE ${tables.map(quote).join(', ')} IN EXCLUSIVE MODE`);
}

/**
 * Moves each identity column's sequence past the largest copied key: the copy wrote the keys itself, so without this
 * the next insert would be handed key 1 and collide.
 */
export async function resetIdentitySequences(client: PoolClient, tables: PgTable[]): Promise<void> {
  for (const table of tables) {
    const { name, columns } = getTableConfig(table);
    for (const column of columns.filter((c) => c.generatedIdentity)) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quote(column.name)}) FROM ${quote(name)}), 0) + 1, false)`,
        [quote(name), column.name],
      );
    }
  }
}

/** Rows of one table in the target. */
export async function pgRowCount(client: PoolClient, table: string): Promise<number> {
  const result = await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${quote(table)}`);
  return Number(result.rows[0]!.n);
}
