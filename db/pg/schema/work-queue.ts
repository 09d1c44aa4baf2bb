import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { epochMs } from './epoch-ms';

/** db/schema/work-queue.ts for PostgreSQL: run chunks, the worker registry and the shared rate budget. */
export const runChunks = pgTable(
  'run_chunks',
  {
    /** No foreign key: removing a run (db/queries/removals.ts) need not know about its chunks; ids are never reused. */
    runId: integer('run_id').notNull(),
    chunk: integer('chunk').notNull(),
    firstPosition: integer('first_position').notNull(),
    lastPosition: integer('last_position').notNull(),
    jobId: text('job_id'),
    doneAt: epochMs('done_at'),
    doneBy: text('done_by'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.chunk] })],
);

export const workers = pgTable(
  'workers',
  {
    id: text('id').primaryKey(),
    host: text('host').notNull(),
    pid: integer('pid').notNull(),
    startedAt: epochMs('started_at').notNull(),
    heartbeatAt: epochMs('heartbeat_at').notNull(),
    runId: integer('run_id'),
    chunk: integer('chunk'),
  },
  (t) => [index('workers_heartbeat_idx').on(t.heartbeatAt)],
);

export const rateSlots = pgTable(
  'rate_slots',
  {
    endpoint: text('endpoint').notNull(),
    slot: integer('slot').notNull(),
    usedAt: epochMs('used_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.endpoint, t.slot] }), index('rate_slots_free_idx').on(t.endpoint, t.usedAt)],
);
