import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

/** The head of a stored suite version. */
export interface SuiteHeadRow {
  id: string;
  version: string;
  title: string;
  description: string;
}

export async function suiteHead(db: SqlRunner, suiteKey: number): Promise<SuiteHeadRow | undefined> {
  return db.get<SuiteHeadRow>(sql`SELECT id, version, title, description FROM suites WHERE key = ${suiteKey}`);
}

/** One pair of a stored suite version with the keys of its probes (twins null when absent). */
export interface CatalogPairRow {
  pairId: string;
  family: string;
  easy: number;
  hard: number;
  easyTwin: number | null;
  hardTwin: number | null;
}

/** The pairs of a stored suite version, in position order. */
export async function suitePairRows(db: SqlRunner, suiteKey: number): Promise<CatalogPairRow[]> {
  return db.all<CatalogPairRow>(sql`
    SELECT pair_id AS "pairId", family_id AS family, easy_probe_key AS easy, easy_twin_probe_key AS "easyTwin",
           hard_probe_key AS hard, hard_twin_probe_key AS "hardTwin"
    FROM suite_pairs WHERE suite_key = ${suiteKey} ORDER BY position`);
}

/** A stored probe version as the catalog reads it back (grader still JSON text). */
export interface CatalogProbeRow {
  key: number;
  id: string;
  prompt: string;
  answer: string;
  grader: string;
  chance: number | null;
  source: string | null;
  license: string | null;
}

/** Every probe (contrast twins included) of a stored suite version's pairs. */
export async function suiteProbeRows(db: SqlRunner, suiteKey: number): Promise<CatalogProbeRow[]> {
  return db.all<CatalogProbeRow>(sql`
    SELECT p.key, p.id, p.prompt, p.answer, p.grader, p.chance, p.source, p.license FROM suite_pairs sp
    JOIN probes p ON p.key IN (sp.easy_probe_key, sp.hard_probe_key, sp.easy_twin_probe_key, sp.hard_twin_probe_key)
    WHERE sp.suite_key = ${suiteKey}`);
}
