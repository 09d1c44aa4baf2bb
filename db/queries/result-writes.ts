import { sql, type SQL } from 'drizzle-orm';
import type { ErrorKind, Outcome } from '../../evals/contracts';
import { objectsTable } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';

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

/** A row that was really inserted: what the run's counters need from it. */
export interface InsertedResult {
  runId: number;
  outcome: Outcome;
  costUsd: number | null;
}

const RESULT_FIELDS = {
  runId: 'int', modelId: 'text', probeKey: 'int', familyId: 'text', domain: 'text', tier: 'text', sample: 'int',
  outcome: 'text', errorKind: 'text', response: 'text', extracted: 'text', reason: 'text', latencyMs: 'int',
  promptTokens: 'int', completionTokens: 'int', costUsd: 'real', ticks: 'int', telemetry: 'text',
} as const;
const FIELD_NAMES = Object.keys(RESULT_FIELDS) as Array<keyof typeof RESULT_FIELDS>;

/** The batch as one table `w` with the result columns, read from one JSON parameter. */
function batchTable(db: SqlRunner, rows: readonly ResultRow[]): SQL {
  const telemetryOf = (row: ResultRow) => (row.telemetry == null ? null : JSON.stringify(row.telemetry));
  if (db.dialect === 'pg') {
    return objectsTable(db, rows.map((row) => ({ ...row, telemetry: telemetryOf(row) })), RESULT_FIELDS, 'w');
  }
  // SQLite: each row as a JSON array read by position (`->>` on an array parses it once per row; named fields of an
  // object cost SQLite a third more per row on the recorder's hot path).
  const arrays = rows.map((row) => [row.runId, row.modelId, row.probeKey, row.familyId, row.domain, row.tier, row.sample, row.outcome,
    row.errorKind, row.response, row.extracted, row.reason, row.latencyMs, row.promptTokens, row.completionTokens, row.costUsd, row.ticks,
    telemetryOf(row)]);
  const columns = sql.raw(FIELD_NAMES.map((field, i) => `value ->> ${i} AS "${field}"`).join(', '));
  return sql`(SELECT ${columns} FROM json_each(${JSON.stringify(arrays)})) AS w`;
}

/**
 * Stores a batch of results in ONE statement (the rows travel as one JSON parameter); a (run, probe, sample) already
 * stored is skipped. Returns the rows really inserted, so the counters count only those (same transaction).
 */
export async function insertResults(db: SqlRunner, rows: readonly ResultRow[]): Promise<InsertedResult[]> {
  if (rows.length === 0) return [];
  // The telemetry travels as JSON text: PostgreSQL's column is jsonb.
  const telemetry = db.dialect === 'pg' ? sql`w.telemetry::jsonb` : sql`w.telemetry`;
  // `WHERE true`: SQLite needs a WHERE before ON CONFLICT in an INSERT … SELECT (a parsing ambiguity); harmless on PostgreSQL.
  return db.all<InsertedResult>(sql`
    INSERT INTO results (run_id, model_id, probe_key, family_id, domain, tier, sample, outcome, error_kind, response,
      extracted, reason, latency_ms, prompt_tokens, completion_tokens, cost_usd, ticks, telemetry)
    SELECT w."runId", w."modelId", w."probeKey", w."familyId", w.domain, w.tier, w.sample, w.outcome, w."errorKind",
      w.response, w.extracted, w.reason, w."latencyMs", w."promptTokens", w."completionTokens", w."costUsd", w.ticks, ${telemetry}
    FROM ${batchTable(db, rows)}
    WHERE true
    ON CONFLICT (run_id, probe_key, sample) DO NOTHING
    RETURNING run_id AS "runId", outcome, cost_usd AS "costUsd"`);
}

/** Adds a batch's outcomes and cost to the run's counters. */
export async function addToRunCounters(db: SqlRunner, runId: number, delta: RunCounterDelta): Promise<void> {
  await db.run(sql`
    UPDATE runs SET pass_count = pass_count + ${delta.pass}, fail_count = fail_count + ${delta.fail},
      error_count = error_count + ${delta.error}, refusal_count = refusal_count + ${delta.refusal}, cost_usd = cost_usd + ${delta.cost}
    WHERE id = ${runId}`);
}
