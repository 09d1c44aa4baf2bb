import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The chunks a run on PostgreSQL is split into (server/queue/): a range of pair positions of its suite that any
 * worker on any machine may claim through pg-boss. Keyed (run, chunk) so that marking one done is idempotent, and the
 * run completes once, when its last chunk is done. Times are epoch milliseconds of the database's clock. A run on
 * SQLite has no rows here (one worker leases the whole run over `runs`).
 */
export const runChunks = sqliteTable(
  'run_chunks',
  {
    /** No foreign key: removing a run (db/queries/removals.ts) need not know about its chunks; ids are never reused. */
    runId: integer('run_id').notNull(),
    chunk: integer('chunk').notNull(),
    /** The pair positions of the suite this chunk answers, both ends included. */
    firstPosition: integer('first_position').notNull(),
    lastPosition: integer('last_position').notNull(),
    /** The queue's job id of the chunk's current plan (a resumed run is planned again and its old jobs cancelled). */
    jobId: text('job_id'),
    doneAt: integer('done_at'),
    doneBy: text('done_by'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.chunk] })],
);

/**
 * The live workers of every machine (`sawtooth workers`): each heartbeats its row while it runs and deletes it when it
 * stops; a row whose heartbeat is older than its TTL belongs to a dead process and is aged out by the next heartbeat.
 */
export const workers = sqliteTable(
  'workers',
  {
    id: text('id').primaryKey(),
    host: text('host').notNull(),
    pid: integer('pid').notNull(),
    startedAt: integer('started_at').notNull(),
    heartbeatAt: integer('heartbeat_at').notNull(),
    /** What it works on now (null: idle). */
    runId: integer('run_id'),
    chunk: integer('chunk'),
  },
  (t) => [index('workers_heartbeat_idx').on(t.heartbeatAt)],
);

/**
 * The shared per-endpoint request budget (server/budget/): L slots per endpoint, each holding when it last let a
 * request start (database clock, epoch ms). A slot is reused only W ms after its last use, so at most L requests
 * start in any window of W ms, summed over every process on every machine that shares the database.
 */
export const rateSlots = sqliteTable(
  'rate_slots',
  {
    endpoint: text('endpoint').notNull(),
    slot: integer('slot').notNull(),
    usedAt: integer('used_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.endpoint, t.slot] }), index('rate_slots_free_idx').on(t.endpoint, t.usedAt)],
);
