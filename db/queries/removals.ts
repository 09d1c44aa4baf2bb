import { sql, type SQL } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

/** Runs of a model (or one run) that a worker may be answering right now: removing them would race the worker. */
export async function activeRunIds(db: SqlRunner, where: { modelId?: string; runId?: number }): Promise<number[]> {
  const conditions = [sql`status IN ('queued', 'running')`];
  if (where.modelId !== undefined) conditions.push(sql`model_id = ${where.modelId}`);
  if (where.runId !== undefined) conditions.push(sql`id = ${where.runId}`);
  const rows = await db.all<{ id: number }>(sql`SELECT id FROM runs WHERE ${sql.join(conditions, sql` AND `)} ORDER BY id`);
  return rows.map((r) => r.id);
}

/** Whether a profile_cache row's `run_ids` (a JSON array kept as text on both engines) holds this run. */
function runIdsHold(db: SqlRunner, runId: number): SQL {
  return db.dialect === 'pg'
    ? sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(run_ids::jsonb) AS held(value) WHERE held.value = ${String(runId)})`
    : sql`EXISTS (SELECT 1 FROM json_each(run_ids) WHERE value = ${runId})`;
}

/**
 * Deletes one run and its results, in one transaction. The model's run counters move, so every cached aggregate of
 * that model is recomputed.
 * Returns the number of results deleted.
 */
export async function deleteRunRows(db: SqlRunner, runId: number): Promise<number> {
  return db.transaction(async (tx) => {
    // Stored profiles resting on the run go too (run ids are never reused, so they are dead rows, not wrong ones).
    await tx.run(sql`DELETE FROM profile_cache WHERE model_id = (SELECT model_id FROM runs WHERE id = ${runId})
      AND ${runIdsHold(tx, runId)}`);
    const results = await tx.run(sql`DELETE FROM results WHERE run_id = ${runId}`);
    await tx.run(sql`DELETE FROM runs WHERE id = ${runId}`);
    return results;
  });
}

/** Deletes a model with every run and result of it, in one transaction, so it leaves every page, profile and export. */
export async function deleteModelRows(db: SqlRunner, modelId: string): Promise<{ runs: number; results: number }> {
  return db.transaction(async (tx) => {
    const results = await tx.run(sql`DELETE FROM results WHERE model_id = ${modelId}`);
    const runs = await tx.run(sql`DELETE FROM runs WHERE model_id = ${modelId}`);
    await tx.run(sql`DELETE FROM profile_cache WHERE model_id = ${modelId}`);
    await tx.run(sql`DELETE FROM models WHERE id = ${modelId}`);
    return { runs, results };
  });
}

/** Sets a model's display name (its id, used in URLs, exports and the CLI, stays). */
export async function setModelLabel(db: SqlRunner, modelId: string, label: string): Promise<boolean> {
  return (await db.run(sql`UPDATE models SET label = ${label} WHERE id = ${modelId}`)) > 0;
}

/** Removes a user suite's name; its catalog versions stay, because runs on them still point at what they answered. */
export async function deleteUserSuiteRow(db: SqlRunner, id: string): Promise<boolean> {
  return (await db.run(sql`DELETE FROM user_suites WHERE id = ${id}`)) > 0;
}

export async function setUserSuiteTitle(db: SqlRunner, id: string, title: string): Promise<boolean> {
  return (await db.run(sql`UPDATE user_suites SET title = ${title} WHERE id = ${id}`)) > 0;
}
