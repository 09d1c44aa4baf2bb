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
