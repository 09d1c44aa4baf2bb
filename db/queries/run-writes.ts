import { sql } from 'drizzle-orm';
import { jsonValue } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';

/** A run to queue: what a worker needs to claim and answer it. */
export interface QueuedRunRow {
  modelId: string;
  suiteKey: number;
  /** The run's settings, stored as JSON. */
  settings: unknown;
  samples: number;
  /** The temperature every request sends (null: none, as for reasoning models). */
  temperature: number | null;
  /** (probe, sample) results the run expects. */
  expected: number;
}

/** Inserts a `queued` run (no lease, counters at zero) and returns its id. */
export async function insertQueuedRun(db: SqlRunner, row: QueuedRunRow): Promise<number> {
  const inserted = await db.get<{ id: number }>(sql`
    INSERT INTO runs (model_id, suite_key, settings, samples, temperature, expected)
    VALUES (${row.modelId}, ${row.suiteKey}, ${jsonValue(db, JSON.stringify(row.settings))}, ${row.samples}, ${row.temperature}, ${row.expected})
    RETURNING id`);
  return inserted!.id;
}
