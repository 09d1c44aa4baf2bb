import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

/** Every model with results, most results first (the dashboard benchmarks pick the biggest). */
export async function modelsByResultCount(db: SqlRunner): Promise<string[]> {
  const rows = await db.all<{ modelId: string }>(sql`SELECT model_id AS "modelId" FROM results GROUP BY model_id ORDER BY count(*) DESC, model_id`);
  return rows.map((r) => r.modelId);
}

/**
 * The dashboard benchmarks' baseline, on either engine: one pass over the results' (model, probe, outcome) index,
 * grouped, the least work any aggregate over every result needs (count(*) alone is answered from b-tree page headers
 * on SQLite, too cheap to compare). The same text each time, so SQLite's store reuses its prepared statement.
 */
export async function groupedResultsScan(db: SqlRunner): Promise<void> {
  await db.all(sql`SELECT model_id, probe_key, outcome, count(*) AS "n" FROM results GROUP BY model_id, probe_key, outcome`);
}
