import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

/** Token, cost and latency sums of one run's stored results (one pass over that run's rows). */
export interface RunResultSums {
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
  latencyMeanMs: number | null;
  /** Results that report a latency. */
  n: number;
}

export async function runResultSums(db: SqlRunner, runId: number): Promise<RunResultSums> {
  return (await db.get<RunResultSums>(sql`
    SELECT coalesce(sum(prompt_tokens), 0) AS "promptTokens", coalesce(sum(completion_tokens), 0) AS "completionTokens",
           sum(cost_usd) AS "costUsd", avg(latency_ms) AS "latencyMeanMs", count(latency_ms) AS n
    FROM results WHERE run_id = ${runId}`))!;
}

/** The run's `offset`-th smallest latency (0-based), for a percentile. */
export async function runLatencyAt(db: SqlRunner, runId: number, offset: number): Promise<number | undefined> {
  const row = await db.get<{ latencyMs: number }>(sql`
    SELECT latency_ms AS "latencyMs" FROM results WHERE run_id = ${runId} AND latency_ms IS NOT NULL
    ORDER BY latency_ms LIMIT 1 OFFSET ${offset}`);
  return row?.latencyMs;
}

/** A run's `error` results by kind, most frequent first (ties by kind). */
export async function runErrorCountsByKind(db: SqlRunner, runId: number): Promise<Array<{ kind: string; n: number }>> {
  return db.all(sql`
    SELECT coalesce(error_kind, 'unknown') AS kind, count(*) AS n FROM results
    WHERE run_id = ${runId} AND outcome = 'error' GROUP BY 1 ORDER BY n DESC, kind`);
}

/** How many results a run expects, how many are stored, and how many of those are answers (not errors). */
export async function runCompleteness(db: SqlRunner, runId: number): Promise<{ expected: number; stored: number; answered: number }> {
  return (await db.get<{ expected: number; stored: number; answered: number }>(sql`
    SELECT r.expected AS expected, count(x.run_id) AS stored,
           coalesce(sum(CASE WHEN x.outcome <> 'error' THEN 1 ELSE 0 END), 0) AS answered
    FROM runs r LEFT JOIN results x ON x.run_id = r.id WHERE r.id = ${runId} GROUP BY r.id, r.expected`))!;
}

/** The most frequent error kind among a run's results, with its count (undefined: no results). */
export async function runTopErrorKind(db: SqlRunner, runId: number): Promise<{ kind: string; n: number } | undefined> {
  return db.get(sql`
    SELECT coalesce(error_kind, 'unknown') AS kind, count(*) AS n FROM results WHERE run_id = ${runId} GROUP BY 1 ORDER BY n DESC LIMIT 1`);
}

/** A run's status and how many results its counters hold (for benches and scripts that just worked it). */
export async function runStoredCount(db: SqlRunner, runId: number): Promise<{ status: string; stored: number } | undefined> {
  return db.get(sql`
    SELECT status, pass_count + fail_count + error_count + refusal_count AS stored FROM runs WHERE id = ${runId}`);
}
