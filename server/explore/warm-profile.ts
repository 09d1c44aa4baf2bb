import type { SqlRunner } from '../../db/store';
import { runsByIds } from '../../db/queries/profile-runs';
import { resolveProfileScope } from './profile-scope';
import { profileOfScope } from './stored-profile';

/**
 * Builds and stores (profile_cache) the profile that a run's end makes the default of its model on its suite (the
 * latest completed run there), so the first page after a run completes reads it instead of building it. Called
 * after the completion commit by the worker, the seeder and imports. Never throws: a failure only means the first
 * page builds the profile itself; returns whether a default profile now exists.
 */
export async function warmDefaultProfile(db: SqlRunner, runId: number): Promise<boolean> {
  try {
    const run = (await runsByIds(db, [runId]))[0];
    if (!run || run.status !== 'completed') return false;
    const scope = await resolveProfileScope(db, { modelId: run.modelId, suiteId: run.suiteId });
    if (!scope) return false;
    await profileOfScope(db, scope);
    return true;
  } catch (error) {
    console.warn(`sawtooth: profile cache: could not build the profile after run ${runId}: ${(error as Error).message}`);
    return false;
  }
}
