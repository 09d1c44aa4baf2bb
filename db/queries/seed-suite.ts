import type { Family } from '../../evals/contracts';
import type { Db } from '../client';

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
 * whole Suite first), prepared once per suite: for benches and generated test suites of tens of thousands of pairs.
 * Run them inside one transaction (db/client `transaction`).
 */
export interface BulkSuiteWriter {
  /** A family, unless one with its id exists. */
  insertFamily(family: Family): void;
  /** A new suite version; returns its key. */
  insertSuite(head: { id: string; version: string; title: string; description: string }): number;
  /** A probe version of the suite (or the stored one with the same id and content); returns its key. */
  storeProbe(probe: BulkProbe): number;
  /** A pair of easy and hard probes at `position`. */
  insertPair(suiteKey: number, pairId: string, familyId: string, easyKey: number, hardKey: number, position: number): void;
}

export function bulkSuiteWriter(db: Db): BulkSuiteWriter {
  const sqlite = db.$client;
  const family = sqlite.prepare(`INSERT INTO families (id, domain, title, description, pair_rule) VALUES (@id, @domain, @title, @description, @pairRule)
    ON CONFLICT (id) DO NOTHING`);
  const suite = sqlite.prepare(`INSERT INTO suites (id, version, title, description) VALUES (@id, @version, @title, @description) RETURNING key`).pluck();
  const probe = sqlite.prepare(`INSERT INTO probes (suite_id, id, content_hash, family_id, domain, tier, prompt, answer, grader, source)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (suite_id, id, content_hash) DO UPDATE SET id = excluded.id RETURNING key`).pluck();
  const pair = sqlite.prepare(`INSERT INTO suite_pairs (suite_key, pair_id, family_id, easy_probe_key, hard_probe_key, position) VALUES (?, ?, ?, ?, ?, ?)`);
  return {
    insertFamily: (f) => void family.run({ id: f.id, domain: f.domain, title: f.title, description: f.description, pairRule: f.pairRule }),
    insertSuite: (head) => suite.get(head) as number,
    storeProbe: (p) =>
      probe.get(p.suiteId, p.id, p.contentHash, p.familyId, p.domain, p.tier, p.prompt, p.answer, p.grader, p.source) as number,
    insertPair: (suiteKey, pairId, familyId, easyKey, hardKey, position) => void pair.run(suiteKey, pairId, familyId, easyKey, hardKey, position),
  };
}
