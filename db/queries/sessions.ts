import type { Db } from '../client';

/** A stored sign-in session (db/schema/sessions.ts); times are epoch milliseconds. */
export interface SessionRow {
  idHash: string;
  tokenMac: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

export function insertSessionRow(db: Db, row: SessionRow): void {
  db.$client
    .prepare('INSERT INTO sessions (id_hash, token_mac, created_at, last_seen_at, expires_at) VALUES (@idHash, @tokenMac, @createdAt, @lastSeenAt, @expiresAt)')
    .run(row);
}

export function sessionRow(db: Db, idHash: string): SessionRow | undefined {
  return db.$client
    .prepare('SELECT id_hash AS idHash, token_mac AS tokenMac, created_at AS createdAt, last_seen_at AS lastSeenAt, expires_at AS expiresAt FROM sessions WHERE id_hash = ?')
    .get(idHash) as SessionRow | undefined;
}

export function touchSessionRow(db: Db, idHash: string, lastSeenAt: number, expiresAt: number): void {
  db.$client.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?').run(lastSeenAt, expiresAt, idHash);
}

/** Returns whether a row was there to delete. */
export function deleteSessionRow(db: Db, idHash: string): boolean {
  return db.$client.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash).changes > 0;
}

/** Deletes the sessions that expired at or before `now`; returns how many. */
export function deleteExpiredSessionRows(db: Db, now: number): number {
  return db.$client.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
}

export function sessionCount(db: Db): number {
  return db.$client.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
}
