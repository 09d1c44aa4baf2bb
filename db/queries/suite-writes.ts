import { sql } from 'drizzle-orm';
import type { Family, GraderSpec } from '../../evals/contracts';
import { jsonValue } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';

/** Inserts a family, or brings a stored one up to date (its id stays). */
export async function upsertFamily(db: SqlRunner, family: Family): Promise<void> {
  await db.run(sql`
    INSERT INTO families (id, domain, title, description, pair_rule)
    VALUES (${family.id}, ${family.domain}, ${family.title}, ${family.description}, ${family.pairRule})
    ON CONFLICT (id) DO UPDATE SET domain = excluded.domain, title = excluded.title, description = excluded.description,
      pair_rule = excluded.pair_rule`);
}

/** Inserts a suite version's head row and returns its key (the version must not be stored yet: see suiteKeyOf). */
export async function insertSuiteVersion(db: SqlRunner, head: { id: string; version: string; title: string; description: string }): Promise<number> {
  const row = await db.get<{ key: number }>(sql`
    INSERT INTO suites (id, version, title, description) VALUES (${head.id}, ${head.version}, ${head.title}, ${head.description})
    RETURNING key`);
  return row!.key;
}

/** One probe at one content version, owned by one suite. */
export interface ProbeVersionRow {
  suiteId: string;
  id: string;
  contentHash: string;
  familyId: string;
  domain: string;
  tier: 'easy' | 'hard';
  prompt: string;
  answer: string;
  grader: GraderSpec;
  chance: number | null;
  source: string | null;
  license: string | null;
}

/** Stores a probe version unless the suite already holds it (same id and content hash); returns its key either way. */
export async function storeProbeVersion(db: SqlRunner, row: ProbeVersionRow): Promise<number> {
  // The no-op update makes RETURNING give the stored row's key when the version is already there (one statement).
  const stored = await db.get<{ key: number }>(sql`
    INSERT INTO probes (suite_id, id, content_hash, family_id, domain, tier, prompt, answer, grader, chance, source, license)
    VALUES (${row.suiteId}, ${row.id}, ${row.contentHash}, ${row.familyId}, ${row.domain}, ${row.tier}, ${row.prompt},
      ${row.answer}, ${jsonValue(db, JSON.stringify(row.grader))}, ${row.chance}, ${row.source}, ${row.license})
    ON CONFLICT (suite_id, id, content_hash) DO UPDATE SET id = excluded.id RETURNING key`);
  return stored!.key;
}

/** One pair of a suite version: its probes by key (twins optional) and its place in the suite. */
export interface SuitePairRow {
  suiteKey: number;
  pairId: string;
  familyId: string;
  easyProbeKey: number;
  hardProbeKey: number;
  easyTwinProbeKey: number | null;
  hardTwinProbeKey: number | null;
  position: number;
}

export async function insertSuitePair(db: SqlRunner, row: SuitePairRow): Promise<void> {
  await db.run(sql`
    INSERT INTO suite_pairs (suite_key, pair_id, family_id, easy_probe_key, hard_probe_key, easy_twin_probe_key,
      hard_twin_probe_key, position)
    VALUES (${row.suiteKey}, ${row.pairId}, ${row.familyId}, ${row.easyProbeKey}, ${row.hardProbeKey},
      ${row.easyTwinProbeKey}, ${row.hardTwinProbeKey}, ${row.position})`);
}
