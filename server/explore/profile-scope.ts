import type { SqlRunner } from '../../db/store';
import { completedRunsOnSuite, runsByIds, type ProfileRun } from '../../db/queries/profile-runs';

/** Which profile to build: a model on one suite; by default its latest completed run, or exactly the runs named. */
export interface ProfileRequest {
  modelId: string;
  /** Default "core". */
  suiteId?: string;
  /** Exactly these runs (one model, one suite version, the same temperature and token limit), pooled if several. */
  runIds?: readonly number[];
  /** Pool every completed run with the same suite version and settings as the latest one (an explicit choice). */
  pool?: boolean;
}

/** The runs a profile rests on, all of one suite version. */
export interface ProfileScope {
  modelId: string;
  suite: { id: string; version: string; key: number };
  runs: ProfileRun[];
  pooled: boolean;
}

/** A request that names runs a profile cannot rest on (another model, suite, version or settings). One line. */
export class ProfileScopeError extends Error {}

export const DEFAULT_SUITE = 'core';

/** Runs pool only when these agree: the same suite version is checked separately. */
const settingsKey = (run: ProfileRun) => JSON.stringify([run.temperature, run.maxTokens]);
const describeSettings = (run: ProfileRun) => `temperature ${run.temperature ?? 'none'}, max tokens ${run.maxTokens ?? 'default'}`;

/**
 * The runs behind one profile. Suites never pool, nor versions of one suite, nor runs with different settings: a
 * profile is the latest completed run of the model on the suite (whatever its version), unless the request names
 * its runs or asks to pool. Null when the model has no completed run on the suite.
 */
export async function resolveProfileScope(db: SqlRunner, request: ProfileRequest): Promise<ProfileScope | null> {
  const suiteId = request.suiteId ?? DEFAULT_SUITE;
  if (request.runIds && request.runIds.length > 0) return namedRuns(db, request.modelId, request.suiteId, request.runIds);
  const completed = await completedRunsOnSuite(db, request.modelId, suiteId, !request.pool);
  const latest = completed[0];
  if (!latest) return null;
  const runs = request.pool
    ? completed.filter((r) => r.suiteKey === latest.suiteKey && settingsKey(r) === settingsKey(latest)).reverse()
    : [latest];
  return { modelId: request.modelId, suite: { id: latest.suiteId, version: latest.suiteVersion, key: latest.suiteKey }, runs, pooled: runs.length > 1 };
}

async function namedRuns(db: SqlRunner, modelId: string, suiteId: string | undefined, ids: readonly number[]): Promise<ProfileScope> {
  const unique = [...new Set(ids)];
  const runs = await runsByIds(db, unique);
  const missing = unique.filter((id) => !runs.some((r) => r.id === id));
  if (missing.length > 0) throw new ProfileScopeError(`run ${missing[0]} does not exist`);
  const first = runs[0]!;
  for (const run of runs) {
    if (run.modelId !== modelId) throw new ProfileScopeError(`run ${run.id} is a run of model "${run.modelId}", not "${modelId}"`);
    if (suiteId !== undefined && run.suiteId !== suiteId)
      throw new ProfileScopeError(`run ${run.id} answered suite "${run.suiteId}", not "${suiteId}": suites never pool`);
    if (run.suiteKey !== first.suiteKey)
      throw new ProfileScopeError(
        `runs ${first.id} and ${run.id} answered different versions of "${run.suiteId}" (${first.suiteVersion}, ${run.suiteVersion}): versions never pool`,
      );
    if (settingsKey(run) !== settingsKey(first))
      throw new ProfileScopeError(`runs ${first.id} and ${run.id} used different settings (${describeSettings(first)}; ${describeSettings(run)}): they do not pool`);
  }
  return { modelId, suite: { id: first.suiteId, version: first.suiteVersion, key: first.suiteKey }, runs, pooled: runs.length > 1 };
}
