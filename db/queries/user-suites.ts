import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

/** A user suite's name and the stored suite version it points at. */
export interface UserSuiteRow {
  id: string;
  title: string;
  description: string;
  suiteKey: number;
  updatedAt: Date;
}

const COLUMNS = sql.raw(`id, title, description, suite_key AS "suiteKey", updated_at AS "updatedAt"`);

type StoredUserSuiteRow = Omit<UserSuiteRow, 'updatedAt'> & { updatedAt: number };

function userSuiteRowOf(row: StoredUserSuiteRow): UserSuiteRow {
  return { ...row, updatedAt: new Date(row.updatedAt) };
}

export async function getUserSuiteRow(db: SqlRunner, id: string): Promise<UserSuiteRow | undefined> {
  const row = await db.get<StoredUserSuiteRow>(sql`SELECT ${COLUMNS} FROM user_suites WHERE id = ${id}`);
  return row && userSuiteRowOf(row);
}

/** Every user suite, by id. */
export async function listUserSuiteRows(db: SqlRunner): Promise<UserSuiteRow[]> {
  return (await db.all<StoredUserSuiteRow>(sql`SELECT ${COLUMNS} FROM user_suites ORDER BY id`)).map(userSuiteRowOf);
}

/** Creates a user suite, or points an existing one at another stored version (with its title and description). */
export async function upsertUserSuite(
  db: SqlRunner,
  head: { id: string; title: string; description: string },
  suiteKey: number,
  now: number = Date.now(),
): Promise<void> {
  await db.run(sql`
    INSERT INTO user_suites (id, title, description, suite_key) VALUES (${head.id}, ${head.title}, ${head.description}, ${suiteKey})
    ON CONFLICT (id) DO UPDATE SET title = excluded.title, description = excluded.description,
      suite_key = excluded.suite_key, updated_at = ${now}`);
}
