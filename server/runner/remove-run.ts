import type { Db } from '../../db/client';
import { activeRunIds, deleteRunRows } from '../../db/queries/removals';
import { getRun } from '../../db/queries/runs';
import { RunStateError } from './run-control';

/** Removes a finished, cancelled or failed run and its results (the model's profile is recomputed without them). */
export function removeRun(db: Db, runId: number): { results: number } {
  if (!getRun(db, runId)) throw new RunStateError(`no run with id ${runId}`);
  if (activeRunIds(db, { runId }).length > 0) throw new RunStateError(`run ${runId} is queued or running: cancel it first`);
  return { results: deleteRunRows(db, runId) };
}
