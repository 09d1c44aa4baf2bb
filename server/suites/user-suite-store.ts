import type { SqlRunner } from '../../db/store';
import { getUserSuiteRow, upsertUserSuite } from '../../db/queries/user-suites';
import { SuiteSchema, type Family, type Pair, type Suite } from '../../evals/contracts';
import { suiteVersion } from '../../evals/suites';
import { persistSuite } from './persist-suite';
import { catalogSuite } from './catalog-suite';

/** A user suite's current version as a resolved Suite, or undefined when there is no user suite with that id. */
export async function loadUserSuite(db: SqlRunner, id: string): Promise<Suite | undefined> {
  const row = await getUserSuiteRow(db, id);
  return row ? catalogSuite(db, row.suiteKey) : undefined;
}

/**
 * Stores a new version of a user suite (families and pairs as given, version = hash of that content, checked
 * against the Suite contract) and points the user suite at it, in one transaction. Returns the stored suite.
 */
export async function saveUserSuite(
  store: SqlRunner,
  head: { id: string; title: string; description: string },
  families: Family[],
  pairs: Pair[],
): Promise<{ suite: Suite; suiteKey: number }> {
  const suite = SuiteSchema.parse({ ...head, version: suiteVersion(families, pairs), families, pairs });
  const suiteKey = await store.transaction(async (tx) => {
    const key = await persistSuite(tx, suite);
    await upsertUserSuite(tx, head, key);
    return key;
  });
  return { suite, suiteKey };
}
