import type { Db } from '../client';
import { models } from '../schema';

/** Inserts a made-up model, or overwrites the columns given of a stored one with that id (others stay). */
export function upsertSeedModel(db: Db, id: string, columns: Omit<typeof models.$inferInsert, 'id'>): void {
  db.insert(models).values({ id, ...columns }).onConflictDoUpdate({ target: models.id, set: columns }).run();
}

/** A probe of a suite version as the seeder draws results for it: its answer and the length of its prompt. */
export interface SeedProbeRow {
  key: number;
  family: string;
  domain: string;
  tier: 'easy' | 'hard';
  answer: string;
  /** Characters of the prompt (the seeder estimates prompt tokens from it). */
  chars: number;
}

/** Every probe (contrast twins included) of a stored suite version, in pair order. */
export function seedProbeRows(db: Db, suiteKey: number): SeedProbeRow[] {
  return db.$client
    .prepare(`SELECT p.key, p.family_id AS family, p.domain, p.tier, p.answer, length(p.prompt) AS chars
              FROM suite_pairs sp JOIN probes p ON p.key IN (sp.easy_probe_key, sp.hard_probe_key, sp.easy_twin_probe_key, sp.hard_twin_probe_key)
              WHERE sp.suite_key = ? ORDER BY sp.position, p.tier`)
    .all(suiteKey) as SeedProbeRow[];
}

/** A made-up finished run (the seeder's): its counters are set once its results are in. */
export interface SeedRun {
  modelId: string;
  suiteKey: number;
  status: 'completed' | 'cancelled';
  settings: string;
  samples: number;
  expected: number;
  createdAt: number;
  startedAt: number;
  finishedAt: number;
}

/** The seeder's bulk writes, prepared once per seeding (millions of rows: positional parameters, no per-row objects). */
export interface SeedWriteQueries {
  insertRun(run: SeedRun): number;
  setRunCounters(runId: number, c: { pass: number; fail: number; error: number; cost: number }): void;
  /** One result; the arguments in the column order of `results` (run … ticks, created_at), telemetry always null. */
  insertResult(
    runId: number, modelId: string, probeKey: number, familyId: string, domain: string, tier: string, sample: number,
    outcome: string, errorKind: string | null, response: string | null, extracted: string | null, reason: string,
    latencyMs: number, promptTokens: number, completionTokens: number, costUsd: number | null, ticks: number | null, createdAt: number,
  ): void;
}

export function seedWriteQueries(db: Db): SeedWriteQueries {
  const sqlite = db.$client;
  const insertRun = sqlite.prepare(`INSERT INTO runs (model_id, suite_key, status, settings, samples, expected, origin, created_at, started_at, finished_at)
    VALUES (?, ?, ?, ?, ?, ?, 'eval', ?, ?, ?) RETURNING id`).pluck();
  const setCounters = sqlite.prepare('UPDATE runs SET pass_count = ?, fail_count = ?, error_count = ?, cost_usd = ? WHERE id = ?');
  const insertResult = sqlite.prepare(`INSERT INTO results (run_id, model_id, probe_key, family_id, domain, tier, sample, outcome, error_kind,
    response, extracted, reason, latency_ms, prompt_tokens, completion_tokens, cost_usd, ticks, telemetry, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`);
  return {
    insertRun: (r) =>
      insertRun.get(r.modelId, r.suiteKey, r.status, r.settings, r.samples, r.expected, r.createdAt, r.startedAt, r.finishedAt) as number,
    setRunCounters: (runId, c) => void setCounters.run(c.pass, c.fail, c.error, c.cost, runId),
    insertResult: (...row) => void insertResult.run(...row),
  };
}

/**
 * Runs `fill` with fsync off (a seed is re-creatable: no fsync per transaction) and restores the previous setting;
 * once filled, lets SQLite refresh its planner statistics for the new rows.
 */
export function withoutFsync<T>(db: Db, fill: () => T): T {
  const sqlite = db.$client;
  const previousSync = sqlite.pragma('synchronous', { simple: true }) as number;
  sqlite.pragma('synchronous = OFF');
  let filled: T;
  try {
    filled = fill();
  } finally {
    sqlite.pragma(`synchronous = ${previousSync}`);
  }
  sqlite.pragma('optimize');
  return filled;
}
