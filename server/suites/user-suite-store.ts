import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { userSuites } from '../../db/schema';
import { SuiteSchema, type Family, type Pair, type Suite } from '../../evals/contracts';
import { suiteVersion } from '../../evals/suites';
import { persistSuite } from './persist-suite';
import { catalogSuite } from './catalog-suite';

export interface UserSuiteRow {
  id: string;
  title: string;
  description: string;
  suiteKey: number;
  updatedAt: Date;
}

export function getUserSuiteRow(db: Db, id: string): UserSuiteRow | undefined {
  return db
    .select({ id: userSuites.id, title: userSuites.title, description: userSuites.description, suiteKey: userSuites.suiteKey, updatedAt: userSuites.updatedAt })
    .from(userSuites)
    .where(eq(userSuites.id, id))
    .get();
}

export function listUserSuiteRows(db: Db): UserSuiteRow[] {
  return db
    .select({ id: userSuites.id, title: userSuites.title, description: userSuites.description, suiteKey: userSuites.suiteKey, updatedAt: userSuites.updatedAt })
    .from(userSuites)
    .orderBy(userSuites.id)
    .all();
}

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
  const suiteKey = db.transaction((tx) => {
    const key = persistSuite(db, suite);
    tx.insert(userSuites)
      .values({ id: head.id, title: head.title, description: head.description, suiteKey: key })
      .onConflictDoUpdate({
        target: userSuites.id,
        set: { title: head.title, description: head.description, suiteKey: key, updatedAt: sql`(unixepoch('subsec') * 1000)` },
      })
      .run();
    return key;
  });
  return { suite, suiteKey };
}
