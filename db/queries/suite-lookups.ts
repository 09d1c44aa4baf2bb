import { and, eq } from 'drizzle-orm';
import type { Family } from '../../evals/contracts/family';
import type { Db } from '../client';
import { suites } from '../schema';

/** The stored key of a suite version, or undefined when that version was never stored. */
export function suiteKeyOf(db: Db, id: string, version: string): number | undefined {
  return db.select({ key: suites.key }).from(suites).where(and(eq(suites.id, id), eq(suites.version, version))).get()?.key;
}

/** How many pairs and families a stored suite version holds. */
export function suiteSize(db: Db, suiteKey: number): { pairs: number; families: number } {
  return db.$client
    .prepare('SELECT count(*) AS pairs, count(DISTINCT family_id) AS families FROM suite_pairs WHERE suite_key = ?')
    .get(suiteKey) as { pairs: number; families: number };
}

export function familyById(db: Db, id: string): Family | undefined {
  return db.$client.prepare('SELECT id, domain, title, description, pair_rule AS pairRule FROM families WHERE id = ?').get(id) as Family | undefined;
}

/** The stored families with these ids (unknown ids are absent). */
export function familiesById(db: Db, ids: readonly string[]): Family[] {
  return db.$client
    .prepare('SELECT id, domain, title, description, pair_rule AS pairRule FROM families WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as Family[];
}

/** Changes whenever a suite version or a pair is added: the key under which the pair catalogue may be cached. */
export function catalogStamp(db: Db): string {
  const row = db.$client
    .prepare(`SELECT (SELECT coalesce(max(key), 0) FROM suites) AS suites, (SELECT count(*) FROM suite_pairs) AS pairs`)
    .get() as { suites: number; pairs: number };
  return `${row.suites}:${row.pairs}`;
}
