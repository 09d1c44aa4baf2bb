import type { Db } from '../../db/client';
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
export function removeUserSuite(db: Db, id: string): void {
  if (!deleteUserSuiteRow(db, id)) throw new UserSuiteError(`no user suite "${id}" (built-in suites are files: evals/suites/)`, 'NOT_FOUND');
}

export function renameUserSuite(db: Db, id: string, title: string): void {
  const text = title.trim();
  if (text === '') throw new UserSuiteError('a suite title cannot be empty', 'BAD_REQUEST');
  if (!setUserSuiteTitle(db, id, text)) throw new UserSuiteError(`no user suite "${id}"`, 'NOT_FOUND');
}

/** Saves a new version of a user suite without one pair (a family left with no pairs goes with it). */
export function removePair(db: Db, suiteId: string, pairId: string): { pairs: number } {
  const row = getUserSuiteRow(db, suiteId);
  const suite = loadUserSuite(db, suiteId);
  if (!row || !suite) throw new UserSuiteError(`no user suite "${suiteId}"`, 'NOT_FOUND');
  const pairs = suite.pairs.filter((pair) => pair.id !== pairId);
  if (pairs.length === suite.pairs.length) throw new UserSuiteError(`no pair "${pairId}" in suite "${suiteId}"`, 'NOT_FOUND');
  if (pairs.length === 0) throw new UserSuiteError(`"${pairId}" is the last pair of "${suiteId}": remove the suite instead`, 'BAD_REQUEST');
  const families = suite.families.filter((family) => pairs.some((pair) => pair.family === family.id));
  saveUserSuite(db, { id: row.id, title: row.title, description: row.description }, families, pairs);
  return { pairs: pairs.length };
}
