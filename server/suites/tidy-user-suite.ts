import type { SqlRunner } from '../../db/store';
import { deleteUserSuiteRow, setUserSuiteTitle } from '../../db/queries/removals';
import { getUserSuiteRow } from '../../db/queries/user-suites';
import { loadUserSuite, saveUserSuite } from './user-suite-store';

/** A user-suite change that cannot be made (unknown suite or pair, or a change that would leave it empty). */
export class UserSuiteError extends Error {
  constructor(
    message: string,
    readonly code: 'NOT_FOUND' | 'BAD_REQUEST',
  ) {
    super(message);
  }
}

/**
 * Removes a user suite from the suite lists. Its stored versions stay: runs made on them keep showing exactly the
 * probes they answered. Built-in suites are files in the repository and cannot be removed here.
 */
export async function removeUserSuite(db: SqlRunner, id: string): Promise<void> {
  if (!(await deleteUserSuiteRow(db, id))) throw new UserSuiteError(`no user suite "${id}" (built-in suites are files: evals/suites/)`, 'NOT_FOUND');
}

export async function renameUserSuite(db: SqlRunner, id: string, title: string): Promise<void> {
  const text = title.trim();
  if (text === '') throw new UserSuiteError('a suite title cannot be empty', 'BAD_REQUEST');
  if (!(await setUserSuiteTitle(db, id, text))) throw new UserSuiteError(`no user suite "${id}"`, 'NOT_FOUND');
}

/** Saves a new version of a user suite without one pair (a family left with no pairs goes with it). */
export async function removePair(db: SqlRunner, suiteId: string, pairId: string): Promise<{ pairs: number }> {
  const row = await getUserSuiteRow(db, suiteId);
  const suite = await loadUserSuite(db, suiteId);
  if (!row || !suite) throw new UserSuiteError(`no user suite "${suiteId}"`, 'NOT_FOUND');
  const pairs = suite.pairs.filter((pair) => pair.id !== pairId);
  if (pairs.length === suite.pairs.length) throw new UserSuiteError(`no pair "${pairId}" in suite "${suiteId}"`, 'NOT_FOUND');
  if (pairs.length === 0) throw new UserSuiteError(`"${pairId}" is the last pair of "${suiteId}": remove the suite instead`, 'BAD_REQUEST');
  const families = suite.families.filter((family) => pairs.some((pair) => pair.family === family.id));
  await saveUserSuite(db, { id: row.id, title: row.title, description: row.description }, families, pairs);
  return { pairs: pairs.length };
}
