import { createHash, createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { SqlRunner } from '../../db/store';
import { deleteExpiredSessionRows, deleteSessionRow, insertSessionRow, sessionRow, touchSessionRow } from '../../db/queries/sessions';
import { sameSecret } from './request-auth';

/**
 * Server-side sign-in sessions: /login (or ?token=) starts one, signing out deletes it, and a cookie whose session
 * is gone, expired or made under another SAWTOOTH_AUTH_TOKEN is refused on every path the proxy guards.
 *
 * Lifetime: sliding, a session ends after SESSION_IDLE_MS without a request, and in any case SESSION_MAX_AGE_MS
 * after sign-in. Last-seen is written at most once per TOUCH_EVERY_MS, so browsing does not write to the database
 * on every request (the idle limit is then exact to within that interval).
 */
export const SESSION_IDLE_MS = 30 * 24 * 3600_000;
export const SESSION_MAX_AGE_MS = 365 * 24 * 3600_000;
export const TOUCH_EVERY_MS = 10 * 60_000;

/** The cookie value: 32 random bytes, base64url (43 characters). Anything else is refused without a lookup. */
const SessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export type SessionProblem = 'malformed' | 'unknown' | 'expired' | 'other-token';

const idHash = (id: string) => createHash('sha256').update(id).digest('hex');
/** Binds a session to the token it was made under, without storing anything from which the token could be guessed. */
const tokenMac = (token: string, id: string) => createHmac('sha256', token).update(`sawtooth-session-v2:${id}`).digest('hex');
const expiry = (createdAt: number, lastSeenAt: number) => Math.min(lastSeenAt + SESSION_IDLE_MS, createdAt + SESSION_MAX_AGE_MS);

/** Starts a session under `token` and returns the cookie value; sessions that have expired are cleared on the way. */
export async function startSession(db: SqlRunner, token: string, now: number): Promise<string> {
  await deleteExpiredSessionRows(db, now);
  const id = randomBytes(32).toString('base64url');
  await insertSessionRow(db, { idHash: idHash(id), tokenMac: tokenMac(token, id), createdAt: now, lastSeenAt: now, expiresAt: expiry(now, now) });
  return id;
}

/**
 * Why a cookie does not sign a request in under `token` at `now`, or null when it does (then its last-seen moves
 * on, at most once per TOUCH_EVERY_MS). An expired session, or one made under another token, is deleted.
 */
export async function sessionProblem(db: SqlRunner, token: string, cookie: string, now: number): Promise<SessionProblem | null> {
  if (!SessionIdSchema.safeParse(cookie).success) return 'malformed';
  const key = idHash(cookie);
  const row = await sessionRow(db, key);
  if (!row) return 'unknown';
  if (!sameSecret(row.tokenMac, tokenMac(token, cookie))) {
    await deleteSessionRow(db, key);
    return 'other-token';
  }
  if (row.expiresAt <= now) {
    await deleteSessionRow(db, key);
    return 'expired';
  }
  if (now - row.lastSeenAt >= TOUCH_EVERY_MS) {
    try {
      await touchSessionRow(db, key, now, expiry(row.createdAt, now));
    } catch {
      // Another process holds the write lock past the busy timeout: the session is valid now; last-seen moves next time.
    }
  }
  return null;
}

/** Ends the cookie's session (signing out). Returns whether there was one. */
export async function endSession(db: SqlRunner, cookie: string): Promise<boolean> {
  return SessionIdSchema.safeParse(cookie).success && (await deleteSessionRow(db, idHash(cookie)));
}

/** The cookie's attributes: not readable by scripts, not sent on cross-site posts, kept by the browser for the absolute limit. */
export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: SESSION_MAX_AGE_MS / 1000 } as const;
}
