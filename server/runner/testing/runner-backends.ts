import { it } from 'vitest';
import type { Dialect } from '../../../db/store';

/**
 * Why whole runs cannot run on PostgreSQL, or null when they can (now: every query a run needs is on the store).
 * Kept as one switch so that a future SQLite-only dependency of the runner shows up as a named skip in every
 * two-backend runner test, never as a silently absent PostgreSQL block.
 */
export const RUNNER_PG_WAITS_FOR: string | null = null;

/**
 * Inside `describeEachBackend`: true when this backend can run a whole run. Otherwise registers one skipped test that
 * says why, so the PostgreSQL block is reported skipped with its reason, never silently absent.
 */
export function wholeRunsOn(dialect: Dialect): boolean {
  if (dialect === 'pg' && RUNNER_PG_WAITS_FOR !== null) {
    it.skip(`whole runs on PostgreSQL wait for ${RUNNER_PG_WAITS_FOR}`, () => {});
    return false;
  }
  return true;
}
