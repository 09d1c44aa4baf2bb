import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

export interface RunRow {
  id: number;
  modelId: string;
  modelLabel: string;
  suiteId: string;
  suiteVersion: string;
  status: string;
  settings: unknown;
  samples: number;
  expected: number;
  passCount: number;
  failCount: number;
  errorCount: number;
  /** Samples the model declined (refusals, out-of-scope notices): stored, outside accuracy. */
  refusalCount: number;
  /** The temperature sent (null: none, as for reasoning models). */
  temperature: number | null;
  costUsd: number;
  origin: string;
  message: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

/** The columns of a RunRow (settings still JSON text), over `runs r JOIN models m JOIN suites s`. */
export const RUN_COLUMNS = sql.raw(`r.id, r.model_id AS "modelId", m.label AS "modelLabel", s.id AS "suiteId", s.version AS "suiteVersion",
  r.status, r.settings, r.samples, r.expected, r.pass_count AS "passCount", r.fail_count AS "failCount",
  r.error_count AS "errorCount", r.refusal_count AS "refusalCount", r.temperature, r.cost_usd AS "costUsd", r.origin, r.message,
  r.created_at AS "createdAt", r.started_at AS "startedAt", r.finished_at AS "finishedAt"`);

/** A run row as read (settings as JSON text) to the row callers get. */
export function parseRunRow(row: RunRow & { settings: string }): RunRow {
  return { ...row, settings: JSON.parse(row.settings) as unknown };
}

export async function getRun(db: SqlRunner, id: number): Promise<RunRow | undefined> {
  const row = await db.get<RunRow & { settings: string }>(sql`
    SELECT ${RUN_COLUMNS} FROM runs r JOIN models m ON m.id = r.model_id JOIN suites s ON s.key = r.suite_key WHERE r.id = ${id}`);
  return row && parseRunRow(row);
}

export async function listRuns(db: SqlRunner, opts: { modelId?: string; limit?: number; offset?: number } = {}): Promise<RunRow[]> {
  const ofModel = opts.modelId === undefined ? sql`` : sql`WHERE r.model_id = ${opts.modelId}`;
  const rows = await db.all<RunRow & { settings: string }>(sql`
    SELECT ${RUN_COLUMNS} FROM runs r JOIN models m ON m.id = r.model_id JOIN suites s ON s.key = r.suite_key
    ${ofModel} ORDER BY r.id DESC LIMIT ${opts.limit ?? 50} OFFSET ${opts.offset ?? 0}`);
  return rows.map(parseRunRow);
}

/** Error counts of a run by kind (rate_limited, timeout, ...), for the run page. */
export async function runErrorKinds(db: SqlRunner, runId: number): Promise<Array<{ kind: string; n: number }>> {
  return db.all(sql`
    SELECT coalesce(error_kind, 'unknown') AS kind, count(*) AS n FROM results WHERE run_id = ${runId} AND outcome = 'error'
    GROUP BY error_kind ORDER BY n DESC`);
}

export interface ResultListRow {
  id: number;
  probeId: string;
  familyId: string;
  tier: string;
  sample: number;
  outcome: string;
  errorKind: string | null;
  prompt: string;
  answer: string;
  response: string | null;
  extracted: string | null;
  reason: string;
  latencyMs: number | null;
  ticks: number | null;
}

/** One page of a run's results, newest first, optionally filtered by outcome. Never the whole run. */
export async function runResults(
  db: SqlRunner,
  runId: number,
  opts: { outcome?: 'pass' | 'fail' | 'error' | 'refusal'; limit?: number; offset?: number } = {},
): Promise<ResultListRow[]> {
  const ofOutcome = opts.outcome === undefined ? sql`` : sql` AND r.outcome = ${opts.outcome}`;
  return db.all(sql`
    SELECT r.id, p.id AS "probeId", r.family_id AS "familyId", r.tier, r.sample, r.outcome, r.error_kind AS "errorKind",
           p.prompt, p.answer, substr(r.response, 1, 4000) AS response, r.extracted, r.reason, r.latency_ms AS "latencyMs", r.ticks
    FROM results r JOIN probes p ON p.key = r.probe_key
    WHERE r.run_id = ${runId}${ofOutcome}
    ORDER BY r.id DESC LIMIT ${opts.limit ?? 50} OFFSET ${opts.offset ?? 0}`);
}
