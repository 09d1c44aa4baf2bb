import { sql } from 'drizzle-orm';
import type { Family } from '../../evals/contracts/family';
import { inList } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';

/** The stored key of a suite version, or undefined when that version was never stored. */
export async function suiteKeyOf(db: SqlRunner, id: string, version: string): Promise<number | undefined> {
  return (await db.get<{ key: number }>(sql`SELECT key FROM suites WHERE id = ${id} AND version = ${version}`))?.key;
}

/** How many pairs and families a stored suite version holds. */
export async function suiteSize(db: SqlRunner, suiteKey: number): Promise<{ pairs: number; families: number }> {
  return (await db.get<{ pairs: number; families: number }>(
    sql`SELECT count(*) AS pairs, count(DISTINCT family_id) AS families FROM suite_pairs WHERE suite_key = ${suiteKey}`,
  ))!;
}

const FAMILY_COLUMNS = sql.raw(`id, domain, title, description, pair_rule AS "pairRule"`);

export async function familyById(db: SqlRunner, id: string): Promise<Family | undefined> {
  return db.get<Family>(sql`SELECT ${FAMILY_COLUMNS} FROM families WHERE id = ${id}`);
}

/** The stored families with these ids (unknown ids are absent). */
export async function familiesById(db: SqlRunner, ids: readonly string[]): Promise<Family[]> {
  return db.all<Family>(sql`SELECT ${FAMILY_COLUMNS} FROM families WHERE ${inList(db, sql`id`, ids, 'text')}`);
}

/** Changes whenever a suite version or a pair is added: the key under which the pair catalogue may be cached. */
export async function catalogStamp(db: SqlRunner): Promise<string> {
  const row = (await db.get<{ suites: number; pairs: number }>(
    sql`SELECT (SELECT coalesce(max(key), 0) FROM suites) AS suites, (SELECT count(*) FROM suite_pairs) AS pairs`,
  ))!;
  return `${row.suites}:${row.pairs}`;
}
