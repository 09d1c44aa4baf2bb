import type { Db } from '../client';

/** Runs of a model (or one run) that a worker may be answering right now: removing them would race the worker. */
export function activeRunIds(db: Db, where: { modelId?: string; runId?: number }): number[] {
  return (
    db.$client
      .prepare(
        `SELECT id FROM runs WHERE status IN ('queued', 'running')
           AND (@modelId IS NULL OR model_id = @modelId) AND (@runId IS NULL OR id = @runId) ORDER BY id`,
      )
      .all({ modelId: where.modelId ?? null, runId: where.runId ?? null }) as { id: number }[]
  ).map((r) => r.id);
}

/**
 * Deletes one run and its results, in one transaction. The model's run counters move, so every cached aggregate of
 * that model is recomputed.
 * Returns the number of results deleted.
 */
export function deleteRunRows(db: Db, runId: number): number {
  return db.$client.transaction(() => {
    // Stored profiles resting on the run go too (run ids are never reused, so they are dead rows, not wrong ones).
    db.$client
      .prepare(
        `DELETE FROM profile_cache WHERE model_id = (SELECT model_id FROM runs WHERE id = @runId)
           AND EXISTS (SELECT 1 FROM json_each(run_ids) WHERE value = @runId)`,
      )
      .run({ runId });
    const { changes } = db.$client.prepare('DELETE FROM results WHERE run_id = ?').run(runId);
    db.$client.prepare('DELETE FROM runs WHERE id = ?').run(runId);
    return changes;
  })();
}

/** Deletes a model with every run and result of it, in one transaction, so it leaves every page, profile and export. */
export function deleteModelRows(db: Db, modelId: string): { runs: number; results: number } {
  return db.$client.transaction(() => {
    const results = db.$client.prepare('DELETE FROM results WHERE model_id = ?').run(modelId).changes;
    const runs = db.$client.prepare('DELETE FROM runs WHERE model_id = ?').run(modelId).changes;
    db.$client.prepare('DELETE FROM profile_cache WHERE model_id = ?').run(modelId);
    db.$client.prepare('DELETE FROM models WHERE id = ?').run(modelId);
    return { runs, results };
  })();
}

/** Sets a model's display name (its id, used in URLs, exports and the CLI, stays). */
export function setModelLabel(db: Db, modelId: string, label: string): boolean {
  return db.$client.prepare('UPDATE models SET label = ? WHERE id = ?').run(label, modelId).changes > 0;
}

/** Removes a user suite's name; its catalog versions stay, because runs on them still point at what they answered. */
export function deleteUserSuiteRow(db: Db, id: string): boolean {
  return db.$client.prepare('DELETE FROM user_suites WHERE id = ?').run(id).changes > 0;
}

export function setUserSuiteTitle(db: Db, id: string, title: string): boolean {
  return db.$client.prepare('UPDATE user_suites SET title = ? WHERE id = ?').run(title, id).changes > 0;
}
