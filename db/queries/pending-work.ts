import type { Db } from '../client';

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

/** The reads behind a run's pending work, prepared once per walk over the run. */
export interface PendingWorkQueries {
  /**
   * Up to `limit` probes (contrast twins included) of the pairs after `afterPosition`, in pair order, of the families
   * in `familiesJson` (a JSON array; null: all).
   */
  suitePage(suiteKey: number, afterPosition: number, familiesJson: string | null, limit: number): SuitePageRow[];
  /** The (probe, sample) results already stored for this run among these probes (a JSON array of probe keys). */
  storedSamples(runId: number, probeKeysJson: string): Array<{ probeKey: number; sample: number }>;
}

export function pendingWorkQueries(db: Db): PendingWorkQueries {
  const sqlite = db.$client;
  const pageStmt = sqlite.prepare(`
    SELECT sp.position, p.key AS probeKey, p.id AS probeId, p.family_id AS familyId, p.domain, p.tier, p.prompt,
           p.answer, p.grader
    FROM suite_pairs sp
    JOIN probes p ON p.key IN (sp.easy_probe_key, sp.hard_probe_key, sp.easy_twin_probe_key, sp.hard_twin_probe_key)
    WHERE sp.suite_key = ? AND sp.position > ?
      AND (? IS NULL OR sp.family_id IN (SELECT value FROM json_each(?)))
    ORDER BY sp.position, p.tier, p.key LIMIT ?`);
  const doneStmt = sqlite.prepare(`
    SELECT probe_key AS probeKey, sample FROM results
    WHERE run_id = ? AND probe_key IN (SELECT value FROM json_each(?))`);
  return {
    suitePage: (suiteKey, afterPosition, familiesJson, limit) =>
      pageStmt.all(suiteKey, afterPosition, familiesJson, familiesJson, limit) as SuitePageRow[],
    storedSamples: (runId, probeKeysJson) => doneStmt.all(runId, probeKeysJson) as Array<{ probeKey: number; sample: number }>,
  };
}
