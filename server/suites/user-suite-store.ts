import { transaction, type Db } from '../../db/client';
import { getUserSuiteRow, upsertUserSuite } from '../../db/queries/user-suites';
import { SuiteSchema, type Family, type Pair, type Suite } from '../../evals/contracts';
import { suiteVersion } from '../../evals/suites';
import { persistSuite } from './persist-suite';
import { catalogSuite } from './catalog-suite';

/** A user suite's current version as a resolved Suite, or undefined when there is no user suite with that id. */
export function loadUserSuite(db: Db, id: string): Suite | undefined {
  const row = getUserSuiteRow(db, id);
  return row ? catalogSuite(db, row.suiteKey) : undefined;
}

/**
 * Stores a new version of a user suite (families and pairs as given, version = hash of that content, checked
 * against the Suite contract) and points the user suite at it, in one transaction. Returns the stored suite.
 */
export function saveUserSuite(
  db: Db,
  head: { id: string; title: string; description: string },
  families: Family[],
  pairs: Pair[],
): { suite: Suite; suiteKey: number } {
  const suite = SuiteSchema.parse({ ...head, version: suiteVersion(families, pairs), families, pairs });
  const suiteKey = transaction(db, () => {
    const key = persistSuite(db, suite);
    upsertUserSuite(db, head, key);
    return key;
  })();
  return { suite, suiteKey };
}
