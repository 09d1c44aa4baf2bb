import type { Db } from '../client';
import { runs } from '../schema';

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
export function insertQueuedRun(db: Db, row: QueuedRunRow): number {
  return db.insert(runs).values(row).returning({ id: runs.id }).get().id;
}
