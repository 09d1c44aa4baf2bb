import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

/** One model's graded samples of one probe of a suite version, pooled over all its runs. */
export interface ProbeOutcomeRow {
  model: string;
  pairId: string;
  family: string;
  probeId: string;
  slot: 'easy' | 'hard';
  passes: number;
  /** Graded samples: passes and fails (errors and refusals are not answers to the probe, and are left out). */
  trials: number;
}

/**
 * Pass and trial counts per (model, probe) for every probe of a suite version, for probe health. Walks models ×
 * probes so that each lookup is a range of the covering index results(model_id, probe_key, outcome).
 * Contrast twins are not in `suite_pairs` yet; once they are, they join here as slots "easyTwin" and "hardTwin".
 */
export async function suiteProbeOutcomes(db: SqlRunner, suiteKey: number): Promise<ProbeOutcomeRow[]> {
  // Grouped by every selected column (PostgreSQL asks for it; a probe key is one slot of one pair, so the groups are
  // the (model, probe) ones either way).
  return db.all<ProbeOutcomeRow>(sql`
    WITH slots AS (
      SELECT pair_id, family_id, 'easy' AS slot, easy_probe_key AS probe_key FROM suite_pairs WHERE suite_key = ${suiteKey}
      UNION ALL
      SELECT pair_id, family_id, 'hard', hard_probe_key FROM suite_pairs WHERE suite_key = ${suiteKey})
    SELECT m.id AS model, slots.pair_id AS "pairId", slots.family_id AS family, p.id AS "probeId", slots.slot AS slot,
           count(*) FILTER (WHERE r.outcome = 'pass') AS passes, count(*) FILTER (WHERE r.outcome IN ('pass', 'fail')) AS trials
    FROM models m
    CROSS JOIN slots
    JOIN results r ON r.model_id = m.id AND r.probe_key = slots.probe_key
    JOIN probes p ON p.key = slots.probe_key
    GROUP BY m.id, slots.probe_key, slots.pair_id, slots.family_id, slots.slot, p.id
    ORDER BY slots.pair_id, slots.slot, m.id`);
}
