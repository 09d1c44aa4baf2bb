import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Dashboard sign-in sessions (server/auth/sessions.ts), so that signing out ends one for good. The cookie holds a
 * random id; a row holds only its SHA-256 (a copy of this table signs nobody in) and an HMAC of that id keyed by
 * SAWTOOTH_AUTH_TOKEN (a session made under another token is refused, and the token cannot be guessed offline from
 * this table: the id it is mixed with is not stored). Times are epoch milliseconds.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    tokenMac: text('token_mac').notNull(),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    /** The earlier of last seen + the idle limit and created + the absolute limit; refreshed when last seen moves. */
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_expires_idx').on(t.expiresAt)],
);
