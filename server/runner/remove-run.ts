import type { Db } from '../../db/client';
import { sqliteStore } from '../../db/store';
import { activeRunIds, deleteRunRows } from '../../db/queries/removals';
import { getRun } from '../../db/queries/runs';
import { RunStateError } from './run-control';

/** Removes a finished, cancelled or failed run and its results (the model's profile is recomputed without them). */
export async function removeRun(db: Db, runId: number): Promise<{ results: number }> {
  if (!getRun(db, runId)) throw new RunStateError(`no run with id ${runId}`);
  const store = sqliteStore(db);
  if ((await activeRunIds(store, { runId })).length > 0) throw new RunStateError(`run ${runId} is queued or running: cancel it first`);
  return { results: await deleteRunRows(store, runId) };
}
