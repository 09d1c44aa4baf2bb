import { activeRunIds, deleteRunRows } from '../../db/queries/removals';
import { getRun } from '../../db/queries/runs';
import type { SqlRunner } from '../../db/store';
import { RunStateError } from './run-control';

/** Removes a finished, cancelled or failed run and its results (the model's profile is recomputed without them). */
export async function removeRun(db: SqlRunner, runId: number): Promise<{ results: number }> {
  if (!(await getRun(db, runId))) throw new RunStateError(`no run with id ${runId}`);
  if ((await activeRunIds(db, { runId })).length > 0) throw new RunStateError(`run ${runId} is queued or running: cancel it first`);
  return { results: await deleteRunRows(db, runId) };
}
