import type { Db } from '../client';

/** A family of a stored suite version, with its domain. */
export interface SuiteFamily {
  id: string;
  domain: string;
}

/** The families of a stored suite version, in chart order. */
export function suiteFamilies(db: Db, suiteKey: number): SuiteFamily[] {
  return db.$client
    .prepare(
      `SELECT DISTINCT f.id, f.domain FROM suite_pairs sp JOIN families f ON f.id = sp.family_id
       WHERE sp.suite_key = ? ORDER BY f.domain, f.id`,
    )
    .all(suiteKey) as SuiteFamily[];
}

/** The families a run was fixed to at its first start (null: the whole suite, or not started yet). */
export function storedRunScope(db: Db, runId: number): string[] | null {
  const stored = db.$client.prepare('SELECT scope FROM runs WHERE id = ?').pluck().get(runId) as string | null;
  return stored === null ? null : (JSON.parse(stored) as string[]);
}

/**
 * Fixes a run's scope: the families it evaluates and its expected count without the probes (twins included) it will
 * never send.
 */
export function setRunScope(db: Db, runId: number, suiteKey: number, families: readonly string[], samples: number): void {
  const sqlite = db.$client;
  const probes = sqlite
    .prepare(
      `SELECT count(*) FROM suite_pairs sp JOIN probes p
         ON p.key IN (sp.easy_probe_key, sp.hard_probe_key, sp.easy_twin_probe_key, sp.hard_twin_probe_key)
       WHERE sp.suite_key = ? AND sp.family_id IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .get(suiteKey, JSON.stringify(families)) as number;
  sqlite.prepare('UPDATE runs SET scope = ?, expected = ? WHERE id = ?').run(JSON.stringify(families), probes * samples, runId);
}
