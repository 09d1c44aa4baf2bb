import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/client';
import { sessionCount, sessionRow } from '../../db/queries/sessions';
import { endSession, SESSION_IDLE_MS, SESSION_MAX_AGE_MS, sessionProblem, startSession, TOUCH_EVERY_MS } from './sessions';

// The sessions table on a real SQLite file (migrated by openDb); time is an injected number, never the clock.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-sessions-'));
const TOKEN = 'token-of-the-day-123';
const T0 = Date.UTC(2026, 0, 1);
const DAY = 24 * 3600_000;
let db: Db;

beforeEach(() => {
  db?.$client.close();
  db = openDb(path.join(dir, `${Math.random().toString(36).slice(2)}.db`));
});
afterAll(() => {
  db?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sign-in sessions', () => {
  it('stores only a hash of the id: the cookie value is nowhere in the database file', () => {
    const id = startSession(db, TOKEN, T0);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = db.$client.prepare('SELECT * FROM sessions').all();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(id);
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
    expect(sessionProblem(db, TOKEN, id, T0)).toBeNull();
  });

  it('refuses a session after sign-out, and a forged or malformed cookie', () => {
    const id = startSession(db, TOKEN, T0);
    const other = startSession(db, TOKEN, T0);
    expect(endSession(db, id)).toBe(true);
    expect(sessionProblem(db, TOKEN, id, T0 + 1)).toBe('unknown');
    expect(endSession(db, id)).toBe(false);
    expect(sessionProblem(db, TOKEN, other, T0 + 1)).toBeNull(); // signing out ends one session, not every one
    expect(sessionProblem(db, TOKEN, 'A'.repeat(43), T0)).toBe('unknown');
    expect(sessionProblem(db, TOKEN, `${other}x`, T0)).toBe('malformed');
    expect(sessionProblem(db, TOKEN, "' OR 1=1 --", T0)).toBe('malformed');
  });

  it('refuses (and deletes) a session made under another token', () => {
    const id = startSession(db, 'the-old-token-456', T0);
    expect(sessionProblem(db, TOKEN, id, T0)).toBe('other-token');
    expect(sessionCount(db)).toBe(0);
    // Going back to the old token does not bring a session that was refused under the new one back.
    expect(sessionProblem(db, 'the-old-token-456', id, T0)).toBe('unknown');
  });

  it('ends a session after 30 idle days, and slides while it is used', () => {
    const idle = startSession(db, TOKEN, T0);
    expect(sessionProblem(db, TOKEN, idle, T0 + SESSION_IDLE_MS - 1)).toBeNull();
    const used = startSession(db, TOKEN, T0 + SESSION_IDLE_MS - 1);
    expect(sessionProblem(db, TOKEN, idle, T0 + SESSION_IDLE_MS - 1 + SESSION_IDLE_MS)).toBe('expired');
    expect(sessionProblem(db, TOKEN, used, T0 + SESSION_IDLE_MS - 1 + SESSION_IDLE_MS - 1)).toBeNull();
    expect(sessionCount(db)).toBe(1); // the expired one was deleted
  });

  it('writes last-seen at most once per touch interval', () => {
    const id = startSession(db, TOKEN, T0);
    const key = (db.$client.prepare('SELECT id_hash FROM sessions').pluck().get() as string);
    sessionProblem(db, TOKEN, id, T0 + TOUCH_EVERY_MS - 1);
    expect(sessionRow(db, key)!.lastSeenAt).toBe(T0);
    sessionProblem(db, TOKEN, id, T0 + TOUCH_EVERY_MS);
    expect(sessionRow(db, key)!.lastSeenAt).toBe(T0 + TOUCH_EVERY_MS);
    expect(sessionRow(db, key)!.expiresAt).toBe(T0 + TOUCH_EVERY_MS + SESSION_IDLE_MS);
  });

  it('ends a session a year after sign-in however often it is used', () => {
    const id = startSession(db, TOKEN, T0);
    let t = T0;
    while (t + 20 * DAY < T0 + SESSION_MAX_AGE_MS) {
      t += 20 * DAY;
      expect(sessionProblem(db, TOKEN, id, t)).toBeNull();
    }
    expect(sessionProblem(db, TOKEN, id, T0 + SESSION_MAX_AGE_MS)).toBe('expired');
  });

  it('clears expired sessions when the next one starts', () => {
    startSession(db, TOKEN, T0);
    startSession(db, TOKEN, T0 + 10 * DAY);
    startSession(db, TOKEN, T0 + SESSION_IDLE_MS + DAY);
    expect(sessionCount(db)).toBe(2);
  });
});
