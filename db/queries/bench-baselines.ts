import type { Db } from '../client';

/** Every model with results, most results first (the dashboard benchmarks pick the biggest). */
export function modelsByResultCount(db: Db): string[] {
  return db.$client.prepare('SELECT model_id FROM results GROUP BY model_id ORDER BY count(*) DESC').pluck().all() as string[];
}

/**
 * The dashboard benchmarks' baseline, prepared once and run as often as asked: one pass over the results'
 * (model, probe, outcome) index, grouped, the least work any aggregate over every result needs (count(*) alone is
 * answered from b-tree page headers, too cheap to compare).
 */
export function groupedResultsScan(db: Db): () => void {
  const scan = db.$client.prepare('SELECT model_id, probe_key, outcome, count(*) FROM results GROUP BY model_id, probe_key, outcome');
  return () => void scan.all();
}
