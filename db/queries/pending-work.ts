import { sql } from 'drizzle-orm';
import { inList } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';

/** One probe of a suite page, with the position of its pair (the keyset) and its grader still JSON text. */
export interface SuitePageRow {
  position: number;
  probeKey: number;
  probeId: string;
  familyId: string;
  domain: string;
  tier: 'easy' | 'hard';
  prompt: string;
  answer: string;
  grader: string;
}

/**
 * Up to `limit` probes (contrast twins included) of the pairs after `afterPosition`, in pair order, of the families
 * in `families` (null: all), up to the pair at `lastPosition` (null: to the end; a chunk of a chunked run stops there).
 */
export async function suitePage(
  db: SqlRunner,
  suiteKey: number,
  afterPosition: number,
  families: readonly string[] | null,
  limit: number,
  lastPosition: number | null = null,
): Promise<SuitePageRow[]> {
  const upTo = lastPosition === null ? sql`` : sql` AND sp.position <= ${lastPosition}`;
  const inScope = families === null ? sql`` : sql` AND ${inList(db, sql`sp.family_id`, families, 'text')}`;
  return db.all<SuitePageRow>(sql`
    SELECT sp.position, p.key AS "probeKey", p.id AS "probeId", p.family_id AS "familyId", p.domain, p.tier, p.prompt,
           p.answer, p.grader
    FROM suite_pairs sp
    JOIN probes p ON p.key IN (sp.easy_probe_key, sp.hard_probe_key, sp.easy_twin_probe_key, sp.hard_twin_probe_key)
    WHERE sp.suite_key = ${suiteKey} AND sp.position > ${afterPosition}${upTo}${inScope}
    ORDER BY sp.position, p.tier, p.key LIMIT ${limit}`);
}

/** The (probe, sample) results already stored for this run among these probes. */
export async function storedSamples(db: SqlRunner, runId: number, probeKeys: readonly number[]): Promise<Array<{ probeKey: number; sample: number }>> {
  return db.all(sql`
    SELECT probe_key AS "probeKey", sample FROM results WHERE run_id = ${runId} AND ${inList(db, sql`probe_key`, probeKeys)}`);
}
