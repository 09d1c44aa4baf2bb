import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { probes, suites } from './catalog';
import { models } from './models';

/** See evals/contracts/outcome.ts: a refusal is not a wrong answer, an error is no answer at all. */
export const OUTCOMES = ['pass', 'fail', 'error', 'refusal'] as const;

export const RUN_STATUSES = ['queued', 'running', 'completed', 'cancelled', 'failed'] as const;

/** A run: one model × one suite version × settings. It is also the job that workers claim with a lease. */
export const runs = sqliteTable(
  'runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    modelId: text('model_id')
      .notNull()
      .references(() => models.id),
    suiteKey: integer('suite_key')
      .notNull()
      .references(() => suites.key),
    status: text('status', { enum: RUN_STATUSES }).notNull().default('queued'),
    /** RunSettings as JSON (samples, temperature, seed, maxTokens, concurrency, ...): recorded, never filtered on. */
    settings: text('settings', { mode: 'json' }).notNull(),
    samples: integer('samples').notNull().default(1),
    /**
     * The families this run evaluated, as a JSON array, when the model's scope left some of the suite out (those
     * families show "not evaluated", never 0%); null: the whole suite.
     */
    scope: text('scope', { mode: 'json' }).$type<string[]>(),
    /** The temperature sent with every request (null: none sent, as for reasoning models). */
    temperature: real('temperature'),
    expected: integer('expected').notNull(),
    passCount: integer('pass_count').notNull().default(0),
    failCount: integer('fail_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** Samples where the model declined (a refusal or an out-of-scope notice): counted, outside accuracy. */
    refusalCount: integer('refusal_count').notNull().default(0),
    costUsd: real('cost_usd').notNull().default(0),
    origin: text('origin', { enum: ['eval', 'import'] }).notNull().default('eval'),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: integer('lease_expires_at'),
    message: text('message'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('runs_model_idx').on(t.modelId, t.createdAt), index('runs_status_idx').on(t.status, t.leaseExpiresAt)],
);

/**
 * One sample of one probe in one run. Model, family, domain and tier are copied in from the run and the probe so
 * that the dashboard's aggregates are index-only scans (a million rows answer in milliseconds, not seconds).
 */
export const results = sqliteTable(
  'results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    costUsd: real('cost_usd'),
    /** Thinking time reported by the model (CTM ticks used), null when the model reports none. */
    ticks: integer('ticks'),
    /** Extra telemetry (certainty per tick, ...) as JSON: displayed, never aggregated in SQL. */
    telemetry: text('telemetry', { mode: 'json' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex('results_run_probe_sample_uq').on(t.runId, t.probeKey, t.sample),
    index('results_model_probe_idx').on(t.modelId, t.probeKey, t.outcome),
    index('results_model_family_idx').on(t.modelId, t.familyId, t.tier, t.outcome),
    index('results_run_outcome_idx').on(t.runId, t.outcome, t.errorKind),
    // Thinking time (CTM ticks) per family and tier of a profile's runs: a partial index holds only the graded answers
    // that report ticks, so it costs nothing for LLM rows, and the model page's thinking-time chart reads it without
    // touching the table (outcome is a column too, so the index covers the query). It leads with the run, which the
    // query names (migration 0009; it led with the model before, so a profile of one run scanned every run's ticks
    // of the model, and a model without ticks had each of its run's samples looked up in the table to find none).
    index('results_ticks_idx')
      .on(t.runId, t.familyId, t.tier, t.ticks, t.outcome)
      .where(sql`ticks IS NOT NULL AND outcome IN ('pass', 'fail')`),
  ],
);
