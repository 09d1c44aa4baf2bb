import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { epochMs } from './epoch-ms';

/** db/schema/sessions.ts for PostgreSQL: dashboard sign-ins (hashes only), times in epoch ms. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    tokenMac: text('token_mac').notNull(),
    createdAt: epochMs('created_at').notNull(),
    lastSeenAt: epochMs('last_seen_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
  },
  (t) => [index('sessions_expires_idx').on(t.expiresAt)],
);
