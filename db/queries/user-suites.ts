import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { userSuites } from '../schema';

/** A user suite's name and the stored suite version it points at. */
export interface UserSuiteRow {
  id: string;
  title: string;
  description: string;
  suiteKey: number;
  updatedAt: Date;
}

const columns = {
  id: userSuites.id,
  title: userSuites.title,
  description: userSuites.description,
  suiteKey: userSuites.suiteKey,
  updatedAt: userSuites.updatedAt,
};

export function getUserSuiteRow(db: Db, id: string): UserSuiteRow | undefined {
  return db.select(columns).from(userSuites).where(eq(userSuites.id, id)).get();
}

/** Every user suite, by id. */
export function listUserSuiteRows(db: Db): UserSuiteRow[] {
  return db.select(columns).from(userSuites).orderBy(userSuites.id).all();
}

/** Creates a user suite, or points an existing one at another stored version (with its title and description). */
export function upsertUserSuite(db: Db, head: { id: string; title: string; description: string }, suiteKey: number): void {
  db.insert(userSuites)
    .values({ id: head.id, title: head.title, description: head.description, suiteKey })
    .onConflictDoUpdate({
      target: userSuites.id,
      set: { title: head.title, description: head.description, suiteKey, updatedAt: sql`(unixepoch('subsec') * 1000)` },
    })
    .run();
}
