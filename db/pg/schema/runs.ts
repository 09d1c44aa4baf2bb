import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { OUTCOMES, RUN_STATUSES } from '../../schema/runs';
import { probes, suites } from './catalog';
import { epochMs, nowEpochMs } from './epoch-ms';
import { models } from './models';

/** db/schema/runs.ts for PostgreSQL: a run (also the job workers lease). */
export const runs = pgTable(
  'runs',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    modelId: text('model_id')
      .notNull()
      .references(() => models.id),
    suiteKey: integer('suite_key')
      .notNull()
      .references(() => suites.key),
    status: text('status', { enum: RUN_STATUSES }).notNull().default('queued'),
    settings: jsonb('settings').notNull(),
    samples: integer('samples').notNull().default(1),
    scope: jsonb('scope').$type<string[]>(),
    temperature: doublePrecision('temperature'),
    expected: integer('expected').notNull(),
    passCount: integer('pass_count').notNull().default(0),
    failCount: integer('fail_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    refusalCount: integer('refusal_count').notNull().default(0),
    costUsd: doublePrecision('cost_usd').notNull().default(0),
    origin: text('origin', { enum: ['eval', 'import'] }).notNull().default('eval'),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: epochMs('lease_expires_at'),
    message: text('message'),
    createdAt: epochMs('created_at').notNull().default(nowEpochMs),
    startedAt: epochMs('started_at'),
    finishedAt: epochMs('finished_at'),
  },
  (t) => [index('runs_model_idx').on(t.modelId, t.createdAt), index('runs_status_idx').on(t.status, t.leaseExpiresAt)],
);

/** db/schema/runs.ts for PostgreSQL: one sample of one probe in one run, with the copied-in indexed columns. */
export const results = pgTable(
  'results',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    runId: integer('run_id')
      .notNull()
      .references(() => runs.id),
    modelId: text('model_id').notNull(),
    probeKey: integer('probe_key')
      .notNull()
      .references(() => probes.key),
    familyId: text('family_id').notNull(),
    domain: text('domain').notNull(),
    tier: text('tier', { enum: ['easy', 'hard'] }).notNull(),
    sample: integer('sample').notNull(),
    outcome: text('outcome', { enum: OUTCOMES }).notNull(),
    errorKind: text('error_kind'),
    response: text('response'),
    extracted: text('extracted'),
    reason: text('reason').notNull(),
    latencyMs: integer('latency_ms'),
    promptTokens: integer('prompt_tokens'),
    completionTokens: integer('completion_tokens'),
    costUsd: doublePrecision('cost_usd'),
    ticks: integer('ticks'),
    telemetry: jsonb('telemetry'),
    createdAt: epochMs('created_at').notNull().default(nowEpochMs),
  },
  (t) => [
    uniqueIndex('results_run_probe_sample_uq').on(t.runId, t.probeKey, t.sample),
    index('results_model_probe_idx').on(t.modelId, t.probeKey, t.outcome),
    index('results_model_family_idx').on(t.modelId, t.familyId, t.tier, t.outcome),
    index('results_run_outcome_idx').on(t.runId, t.outcome, t.errorKind),
    // The partial thinking-time index of the SQLite schema, with the same predicate.
    index('results_ticks_idx')
      .on(t.runId, t.familyId, t.tier, t.ticks, t.outcome)
      .where(sql`ticks IS NOT NULL AND outcome IN ('pass', 'fail')`),
  ],
);
