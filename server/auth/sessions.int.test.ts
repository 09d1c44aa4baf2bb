import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sessionCount, sessionRow } from '../../db/queries/sessions';
import type { Store } from '../../db/store';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';
import { endSession, SESSION_IDLE_MS, SESSION_MAX_AGE_MS, sessionProblem, startSession, TOUCH_EVERY_MS } from './sessions';

// The sessions table on a real database of each backend (a SQLite file, a PostgreSQL database); time is an injected
// number, never the clock.
const TOKEN = 'token-of-the-day-123';
const T0 = Date.UTC(2026, 0, 1);
const DAY = 24 * 3600_000;

describeEachBackend('sign-in sessions', (dialect) => {
  let database: TestDatabase;
  let db: Store;
  beforeEach(async () => {
    database = await freshDatabase(dialect);
    db = database.store;
  });
  afterEach(async () => {
    await database.drop();
  });

  it('stores only a hash of the id: the cookie value is nowhere in the database file', async () => {
    const id = await startSession(db, TOKEN, T0);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await db.all(sql`SELECT * FROM sessions`);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(id);
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
    expect(await sessionProblem(db, TOKEN, id, T0)).toBeNull();
  });

  it('refuses a session after sign-out, and a forged or malformed cookie', async () => {
    const id = await startSession(db, TOKEN, T0);
    const other = await startSession(db, TOKEN, T0);
    expect(await endSession(db, id)).toBe(true);
    expect(await sessionProblem(db, TOKEN, id, T0 + 1)).toBe('unknown');
    expect(await endSession(db, id)).toBe(false);
    expect(await sessionProblem(db, TOKEN, other, T0 + 1)).toBeNull(); // signing out ends one session, not every one
    expect(await sessionProblem(db, TOKEN, 'A'.repeat(43), T0)).toBe('unknown');
    expect(await sessionProblem(db, TOKEN, `${other}x`, T0)).toBe('malformed');
    expect(await sessionProblem(db, TOKEN, "' OR 1=1 --", T0)).toBe('malformed');
  });

  it('refuses (and deletes) a session made under another token', async () => {
    const id = await startSession(db, 'the-old-token-456', T0);
    expect(await sessionProblem(db, TOKEN, id, T0)).toBe('other-token');
    expect(await sessionCount(db)).toBe(0);
    // Going back to the old token does not bring a session that was refused under the new one back.
    expect(await sessionProblem(db, 'the-old-token-456', id, T0)).toBe('unknown');
  });

  it('ends a session after 30 idle days, and slides while it is used', async () => {
    const idle = await startSession(db, TOKEN, T0);
    expect(await sessionProblem(db, TOKEN, idle, T0 + SESSION_IDLE_MS - 1)).toBeNull();
    const used = await startSession(db, TOKEN, T0 + SESSION_IDLE_MS - 1);
    expect(await sessionProblem(db, TOKEN, idle, T0 + SESSION_IDLE_MS - 1 + SESSION_IDLE_MS)).toBe('expired');
    expect(await sessionProblem(db, TOKEN, used, T0 + SESSION_IDLE_MS - 1 + SESSION_IDLE_MS - 1)).toBeNull();
    expect(await sessionCount(db)).toBe(1); // the expired one was deleted
  });

  it('writes last-seen at most once per touch interval', async () => {
    const id = await startSession(db, TOKEN, T0);
    const key = (await db.get<{ id: string }>(sql`SELECT id_hash AS id FROM sessions`))!.id;
    await sessionProblem(db, TOKEN, id, T0 + TOUCH_EVERY_MS - 1);
    expect((await sessionRow(db, key))!.lastSeenAt).toBe(T0);
    await sessionProblem(db, TOKEN, id, T0 + TOUCH_EVERY_MS);
    expect((await sessionRow(db, key))!.lastSeenAt).toBe(T0 + TOUCH_EVERY_MS);
    expect((await sessionRow(db, key))!.expiresAt).toBe(T0 + TOUCH_EVERY_MS + SESSION_IDLE_MS);
  });

  it('ends a session a year after sign-in however often it is used', async () => {
    const id = await startSession(db, TOKEN, T0);
    let t = T0;
    while (t + 20 * DAY < T0 + SESSION_MAX_AGE_MS) {
      t += 20 * DAY;
      expect(await sessionProblem(db, TOKEN, id, t)).toBeNull();
    }
    expect(await sessionProblem(db, TOKEN, id, T0 + SESSION_MAX_AGE_MS)).toBe('expired');
  });

  it('clears expired sessions when the next one starts', async () => {
    await startSession(db, TOKEN, T0);
    await startSession(db, TOKEN, T0 + 10 * DAY);
    await startSession(db, TOKEN, T0 + SESSION_IDLE_MS + DAY);
    expect(await sessionCount(db)).toBe(2);
  });
});
