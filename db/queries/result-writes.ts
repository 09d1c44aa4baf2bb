import type { ErrorKind, Outcome } from '../../evals/contracts';
import type { Db } from '../client';

/** One graded result as stored in `results` (model, family, domain and tier copied in as indexed columns). */
export interface ResultRow {
  runId: number;
  modelId: string;
  probeKey: number;
  familyId: string;
  domain: string;
  tier: 'easy' | 'hard';
  sample: number;
  outcome: Outcome;
  errorKind: ErrorKind | null;
  response: string | null;
  extracted: string | null;
  reason: string;
  latencyMs: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number | null;
  ticks: number | null;
  telemetry: unknown;
}

/** What a batch adds to one run's counters. */
export interface RunCounterDelta {
  pass: number;
  fail: number;
  error: number;
  refusal: number;
  cost: number;
}

/** The recorder's two writes, prepared once per recorder (the hot path: one call per result). */
export interface ResultWriteQueries {
  /** Stores one result; false when (run, probe, sample) is already stored (the row is skipped, not counted). */
  insertResult(row: ResultRow): boolean;
  /** Adds a batch's outcomes and cost to the run's counters. */
  addToRunCounters(runId: number, delta: RunCounterDelta): void;
}

export function resultWriteQueries(db: Db): ResultWriteQueries {
  const sqlite = db.$client;
  const insert = sqlite.prepare(`
    INSERT INTO results (run_id, model_id, probe_key, family_id, domain, tier, sample, outcome, error_kind, response,
      extracted, reason, latency_ms, prompt_tokens, completion_tokens, cost_usd, ticks, telemetry)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (run_id, probe_key, sample) DO NOTHING`);
  const bump = sqlite.prepare(`
    UPDATE runs SET pass_count = pass_count + @pass, fail_count = fail_count + @fail,
      error_count = error_count + @error, refusal_count = refusal_count + @refusal, cost_usd = cost_usd + @cost WHERE id = @runId`);
  return {
    insertResult: (row) =>
      // Positional parameters: binding by name costs a property lookup per column per row.
      insert.run(row.runId, row.modelId, row.probeKey, row.familyId, row.domain, row.tier, row.sample, row.outcome,
        row.errorKind, row.response, row.extracted, row.reason, row.latencyMs, row.promptTokens, row.completionTokens, row.costUsd,
        row.ticks, row.telemetry == null ? null : JSON.stringify(row.telemetry)).changes > 0,
    addToRunCounters: (runId, delta) => void bump.run({ runId, ...delta }),
  };
}
