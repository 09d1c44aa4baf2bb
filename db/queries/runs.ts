import type { Db } from '../client';

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

const RUN_COLUMNS = `r.id, r.model_id AS modelId, m.label AS modelLabel, s.id AS suiteId, s.version AS suiteVersion,
  r.status, r.settings, r.samples, r.expected, r.pass_count AS passCount, r.fail_count AS failCount,
  r.error_count AS errorCount, r.refusal_count AS refusalCount, r.temperature, r.cost_usd AS costUsd, r.origin, r.message, r.created_at AS createdAt,
  r.started_at AS startedAt, r.finished_at AS finishedAt`;

function parse(row: RunRow & { settings: string }): RunRow {
  return { ...row, settings: JSON.parse(row.settings) as unknown };
}

export function getRun(db: Db, id: number): RunRow | undefined {
  const row = db.$client
    .prepare(`SELECT ${RUN_COLUMNS} FROM runs r JOIN models m ON m.id = r.model_id JOIN suites s ON s.key = r.suite_key WHERE r.id = ?`)
    .get(id) as (RunRow & { settings: string }) | undefined;
  return row && parse(row);
}

export function listRuns(db: Db, opts: { modelId?: string; limit?: number; offset?: number } = {}): RunRow[] {
  const rows = db.$client
    .prepare(
      `SELECT ${RUN_COLUMNS} FROM runs r JOIN models m ON m.id = r.model_id JOIN suites s ON s.key = r.suite_key
       WHERE (@modelId IS NULL OR r.model_id = @modelId) ORDER BY r.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ modelId: opts.modelId ?? null, limit: opts.limit ?? 50, offset: opts.offset ?? 0 }) as Array<RunRow & { settings: string }>;
  return rows.map(parse);
}

/** Error counts of a run by kind (rate_limited, timeout, ...), for the run page. */
export function runErrorKinds(db: Db, runId: number): Array<{ kind: string; n: number }> {
  return db.$client
    .prepare(`SELECT coalesce(error_kind, 'unknown') AS kind, count(*) AS n FROM results WHERE run_id = ? AND outcome = 'error' GROUP BY error_kind ORDER BY n DESC`)
    .all(runId) as Array<{ kind: string; n: number }>;
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
export function runResults(
  db: Db,
  runId: number,
  opts: { outcome?: 'pass' | 'fail' | 'error' | 'refusal'; limit?: number; offset?: number } = {},
): ResultListRow[] {
  return db.$client
    .prepare(
      `SELECT r.id, p.id AS probeId, r.family_id AS familyId, r.tier, r.sample, r.outcome, r.error_kind AS errorKind,
              p.prompt, p.answer, substr(r.response, 1, 4000) AS response, r.extracted, r.reason, r.latency_ms AS latencyMs, r.ticks
       FROM results r JOIN probes p ON p.key = r.probe_key
       WHERE r.run_id = @runId AND (@outcome IS NULL OR r.outcome = @outcome)
       ORDER BY r.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ runId, outcome: opts.outcome ?? null, limit: opts.limit ?? 50, offset: opts.offset ?? 0 }) as ResultListRow[];
}
