import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { runs } from '../schema';

export function runExists(db: Db, id: number): boolean {
  return db.$client.prepare('SELECT 1 FROM runs WHERE id = ?').get(id) !== undefined;
}

/** A queued, running or completed run of this model on this suite version (so `up` does not queue it twice). */
export function liveRunOf(db: Db, modelId: string, suiteKey: number): { id: number } | undefined {
  return db.select({ id: runs.id }).from(runs)
    .where(and(eq(runs.modelId, modelId), eq(runs.suiteKey, suiteKey), inArray(runs.status, ['queued', 'running', 'completed']))).get();
}

export function resultCount(db: Db): number {
  return db.$client.prepare('SELECT count(*) FROM results').pluck().get() as number;
}
