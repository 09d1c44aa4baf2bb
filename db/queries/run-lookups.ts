import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

export async function runExists(db: SqlRunner, id: number): Promise<boolean> {
  return (await db.get(sql`SELECT 1 AS one FROM runs WHERE id = ${id}`)) !== undefined;
}

/** A queued, running or completed run of this model on this suite version (so `up` does not queue it twice). */
export async function liveRunOf(db: SqlRunner, modelId: string, suiteKey: number): Promise<{ id: number } | undefined> {
  return db.get(sql`
    SELECT id FROM runs
    WHERE model_id = ${modelId} AND suite_key = ${suiteKey} AND status IN ('queued', 'running', 'completed') LIMIT 1`);
}

export async function resultCount(db: SqlRunner): Promise<number> {
  return (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM results`))!.n;
}
