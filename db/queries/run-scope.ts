import { sql } from 'drizzle-orm';
import { inList, jsonValue } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';

/** A family of a stored suite version, with its domain. */
export interface SuiteFamily {
  id: string;
  domain: string;
}

/** The families of a stored suite version, in chart order. */
export async function suiteFamilies(db: SqlRunner, suiteKey: number): Promise<SuiteFamily[]> {
  return db.all(sql`
    SELECT DISTINCT f.id, f.domain FROM suite_pairs sp JOIN families f ON f.id = sp.family_id
    WHERE sp.suite_key = ${suiteKey} ORDER BY f.domain, f.id`);
}

/** The families a run was fixed to at its first start (null: the whole suite, or not started yet). */
export async function storedRunScope(db: SqlRunner, runId: number): Promise<string[] | null> {
  const row = await db.get<{ scope: string | null }>(sql`SELECT scope FROM runs WHERE id = ${runId}`);
  return row?.scope == null ? null : (JSON.parse(row.scope) as string[]);
}

/**
 * Fixes a run's scope: the families it evaluates and its expected count without the probes (twins included) it will
 * never send.
 */
export async function setRunScope(db: SqlRunner, runId: number, suiteKey: number, families: readonly string[], samples: number): Promise<void> {
  const probes = (await db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM suite_pairs sp JOIN probes p
      ON p.key IN (sp.easy_probe_key, sp.hard_probe_key, sp.easy_twin_probe_key, sp.hard_twin_probe_key)
    WHERE sp.suite_key = ${suiteKey} AND ${inList(db, sql`sp.family_id`, families, 'text')}`))!.n;
  await db.run(sql`UPDATE runs SET scope = ${jsonValue(db, JSON.stringify(families))}, expected = ${probes * samples} WHERE id = ${runId}`);
}
