import { and, eq } from 'drizzle-orm';
import type { Family, GraderSpec } from '../../evals/contracts';
import type { Db } from '../client';
import { families, probes, suitePairs, suites } from '../schema';

/** Inserts a family, or brings a stored one up to date (its id stays). */
export function upsertFamily(db: Db, family: Family): void {
  db.insert(families)
    .values({ ...family })
    .onConflictDoUpdate({
      target: families.id,
      set: { domain: family.domain, title: family.title, description: family.description, pairRule: family.pairRule },
    })
    .run();
}

/** Inserts a suite version's head row and returns its key (the version must not be stored yet: see suiteKeyOf). */
export function insertSuiteVersion(db: Db, head: { id: string; version: string; title: string; description: string }): number {
  return db.insert(suites).values(head).returning({ key: suites.key }).get().key;
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
export function storeProbeVersion(db: Db, row: ProbeVersionRow): number {
  db.insert(probes).values(row).onConflictDoNothing().run();
  return db
    .select({ key: probes.key })
    .from(probes)
    .where(and(eq(probes.suiteId, row.suiteId), eq(probes.id, row.id), eq(probes.contentHash, row.contentHash)))
    .get()!.key;
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

export function insertSuitePair(db: Db, row: SuitePairRow): void {
  db.insert(suitePairs).values(row).run();
}
