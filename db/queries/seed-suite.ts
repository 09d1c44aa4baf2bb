import type { Family } from '../../evals/contracts';
import { sql } from 'drizzle-orm';
import { jsonValue } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';

/** One probe version written in bulk (grader as JSON text). */
export interface BulkProbe {
  suiteId: string;
  id: string;
  contentHash: string;
  familyId: string;
  domain: string;
  tier: 'easy' | 'hard';
  prompt: string;
  answer: string;
  grader: string;
  source: string;
}

/**
 * Bulk writes of a generated suite straight into the catalog tables (what persistSuite does, without building the
 * whole Suite first): for benches and generated test suites of tens of thousands of pairs. Run them inside one
 * `store.transaction`, through its `tx`.
 */
export interface BulkSuiteWriter {
  /** A family, unless one with its id exists. */
  insertFamily(family: Family): Promise<void>;
  /** A new suite version; returns its key. */
  insertSuite(head: { id: string; version: string; title: string; description: string }): Promise<number>;
  /** A probe version of the suite (or the stored one with the same id and content); returns its key. */
  storeProbe(probe: BulkProbe): Promise<number>;
  /** A pair of easy and hard probes at `position`. */
  insertPair(suiteKey: number, pairId: string, familyId: string, easyKey: number, hardKey: number, position: number): Promise<void>;
}

export function bulkSuiteWriter(db: SqlRunner): BulkSuiteWriter {
  return {
    insertFamily: async (f) => {
      await db.run(sql`INSERT INTO families (id, domain, title, description, pair_rule)
        VALUES (${f.id}, ${f.domain}, ${f.title}, ${f.description}, ${f.pairRule}) ON CONFLICT (id) DO NOTHING`);
    },
    insertSuite: async (head) =>
      (await db.get<{ key: number }>(sql`INSERT INTO suites (id, version, title, description)
        VALUES (${head.id}, ${head.version}, ${head.title}, ${head.description}) RETURNING key`))!.key,
    storeProbe: async (p) =>
      (await db.get<{ key: number }>(sql`
        INSERT INTO probes (suite_id, id, content_hash, family_id, domain, tier, prompt, answer, grader, source)
        VALUES (${p.suiteId}, ${p.id}, ${p.contentHash}, ${p.familyId}, ${p.domain}, ${p.tier}, ${p.prompt}, ${p.answer},
          ${jsonValue(db, p.grader)}, ${p.source})
        ON CONFLICT (suite_id, id, content_hash) DO UPDATE SET id = excluded.id RETURNING key`))!.key,
    insertPair: async (suiteKey, pairId, familyId, easyKey, hardKey, position) => {
      await db.run(sql`INSERT INTO suite_pairs (suite_key, pair_id, family_id, easy_probe_key, hard_probe_key, position)
        VALUES (${suiteKey}, ${pairId}, ${familyId}, ${easyKey}, ${hardKey}, ${position})`);
    },
  };
}
