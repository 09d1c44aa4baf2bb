import type { SqlRunner } from '../../db/store';
import { loadBuiltInSuite } from './built-in-suites';
import { persistSuite } from './persist-suite';
import { getUserSuiteRow } from '../../db/queries/user-suites';

/**
 * The catalog key of a suite's current version, so that pages can browse it with SQL: a user suite's own pointer,
 * or the built-in suite stored on first use (persistSuite is idempotent: later calls are one lookup).
 */
export async function currentSuiteKey(db: SqlRunner, id: string): Promise<number> {
  const user = await getUserSuiteRow(db, id);
  if (user) return user.suiteKey;
  return persistSuite(db, loadBuiltInSuite(id));
}
