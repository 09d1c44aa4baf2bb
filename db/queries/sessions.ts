import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

/** A stored sign-in session (db/schema/sessions.ts); times are epoch milliseconds. */
export interface SessionRow {
  idHash: string;
  tokenMac: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

export async function insertSessionRow(db: SqlRunner, row: SessionRow): Promise<void> {
  await db.run(sql`INSERT INTO sessions (id_hash, token_mac, created_at, last_seen_at, expires_at)
    VALUES (${row.idHash}, ${row.tokenMac}, ${row.createdAt}, ${row.lastSeenAt}, ${row.expiresAt})`);
}

export async function sessionRow(db: SqlRunner, idHash: string): Promise<SessionRow | undefined> {
  return db.get<SessionRow>(sql`SELECT id_hash AS "idHash", token_mac AS "tokenMac", created_at AS "createdAt",
    last_seen_at AS "lastSeenAt", expires_at AS "expiresAt" FROM sessions WHERE id_hash = ${idHash}`);
}

export async function touchSessionRow(db: SqlRunner, idHash: string, lastSeenAt: number, expiresAt: number): Promise<void> {
  await db.run(sql`UPDATE sessions SET last_seen_at = ${lastSeenAt}, expires_at = ${expiresAt} WHERE id_hash = ${idHash}`);
}

/** Returns whether a row was there to delete. */
export async function deleteSessionRow(db: SqlRunner, idHash: string): Promise<boolean> {
  return (await db.run(sql`DELETE FROM sessions WHERE id_hash = ${idHash}`)) > 0;
}

/** Deletes the sessions that expired at or before `now`; returns how many. */
export async function deleteExpiredSessionRows(db: SqlRunner, now: number): Promise<number> {
  return db.run(sql`DELETE FROM sessions WHERE expires_at <= ${now}`);
}

export async function sessionCount(db: SqlRunner): Promise<number> {
  return (await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM sessions`))!.n;
}
