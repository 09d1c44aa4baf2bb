import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

/** A made-up model as `sawtooth seed` stores it (no base URL: like imported results, browsed and compared, not run). */
export interface SeedModelRow {
  id: string;
  label: string;
  arch: 'llm' | 'ctm' | 'transformer' | 'lstm';
  modelName: string;
  reasoning: boolean;
  priceInput: number | null;
  priceOutput: number | null;
}

/** Inserts a made-up model, or overwrites the seeder's columns of a stored one with that id (others stay). */
export async function upsertSeedModel(db: SqlRunner, m: SeedModelRow): Promise<void> {
  await db.run(sql`
    INSERT INTO models (id, label, arch, base_url, model_name, reasoning, price_input, price_output, origin)
    VALUES (${m.id}, ${m.label}, ${m.arch}, NULL, ${m.modelName}, ${m.reasoning}, ${m.priceInput}, ${m.priceOutput}, 'import')
    ON CONFLICT (id) DO UPDATE SET label = excluded.label, arch = excluded.arch, base_url = excluded.base_url,
      model_name = excluded.model_name, reasoning = excluded.reasoning, price_input = excluded.price_input,
      price_output = excluded.price_output, origin = excluded.origin`);
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

/** Every probe (contrast twins included) of a stored suite version, in pair order (the same order on both engines). */
export async function seedProbeRows(db: SqlRunner, suiteKey: number): Promise<SeedProbeRow[]> {
  // p.key breaks the tie between a probe and its twin of the same tier, so both engines draw in one order.
  return db.all<SeedProbeRow>(sql`
    SELECT p.key, p.family_id AS "family", p.domain, p.tier, p.answer, length(p.prompt) AS "chars"
    FROM suite_pairs sp JOIN probes p ON p.key IN (sp.easy_probe_key, sp.hard_probe_key, sp.easy_twin_probe_key, sp.hard_twin_probe_key)
    WHERE sp.suite_key = ${suiteKey} ORDER BY sp.position, p.tier, p.key`);
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

export interface RunCounters {
  pass: number;
  fail: number;
  error: number;
  cost: number;
}

/** One result, in the column order of `results` (run … ticks, created_at; telemetry always null). */
export type SeedResultRow = [
  runId: number, modelId: string, probeKey: number, familyId: string, domain: string, tier: string, sample: number,
  outcome: string, errorKind: string | null, response: string | null, extracted: string | null, reason: string,
  latencyMs: number, promptTokens: number, completionTokens: number, costUsd: number | null, ticks: number | null, createdAt: number,
];

/**
 * The seeder's bulk writes (millions of rows: positional rows, no per-row objects). The seeder makes rows
 * synchronously and ends a batch every ~50,000; each engine writes them its fastest way (./seed-writer.ts picks
 * ./seed-writer-sqlite.ts or ./seed-writer-pg.ts). Call `finish` after the last batch, or `abort` on an error (nothing of an unfinished batch
 * stays; on PostgreSQL nothing of the whole seed does).
 */
export interface SeedWriter {
  /** Starts a run and returns its id (its results follow; its counters come with `endRun`). */
  beginRun(run: SeedRun): Promise<number>;
  addResult(row: SeedResultRow): void;
  endRun(runId: number, counters: RunCounters): void;
  /**
   * The rows so far are one batch (between runs, never inside one): written (SQLite: committed), or sent while the
   * caller makes the next (PostgreSQL).
   */
  endBatch(): Promise<void>;
  /** Every batch written and committed, indexes and planner statistics up to date. */
  finish(): Promise<void>;
  /** Drops what is not committed and releases the connection (after an error). */
  abort(): Promise<void>;
}
