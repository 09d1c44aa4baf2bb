import type { Db } from '../client';

/** Token, cost and latency sums of one run's stored results (one pass over that run's rows). */
export interface RunResultSums {
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
  latencyMeanMs: number | null;
  /** Results that report a latency. */
  n: number;
}

export function runResultSums(db: Db, runId: number): RunResultSums {
  return db.$client
    .prepare(
      `SELECT coalesce(sum(prompt_tokens), 0) AS promptTokens, coalesce(sum(completion_tokens), 0) AS completionTokens,
              sum(cost_usd) AS costUsd, avg(latency_ms) AS latencyMeanMs, count(latency_ms) AS n
       FROM results WHERE run_id = ?`,
    )
    .get(runId) as RunResultSums;
}

/** The run's `offset`-th smallest latency (0-based), for a percentile. */
export function runLatencyAt(db: Db, runId: number, offset: number): number | undefined {
  return db.$client
    .prepare('SELECT latency_ms FROM results WHERE run_id = ? AND latency_ms IS NOT NULL ORDER BY latency_ms LIMIT 1 OFFSET ?')
    .pluck()
    .get(runId, offset) as number | undefined;
}

/** A run's `error` results by kind, most frequent first (ties by kind). */
export function runErrorCountsByKind(db: Db, runId: number): Array<{ kind: string; n: number }> {
  return db.$client
    .prepare(
      `SELECT coalesce(error_kind, 'unknown') AS kind, count(*) AS n FROM results
       WHERE run_id = ? AND outcome = 'error' GROUP BY 1 ORDER BY n DESC, kind`,
    )
    .all(runId) as Array<{ kind: string; n: number }>;
}

/** How many results a run expects, how many are stored, and how many of those are answers (not errors). */
export function runCompleteness(db: Db, runId: number): { expected: number; stored: number; answered: number } {
  return db.$client
    .prepare(
      `SELECT r.expected AS expected, count(x.run_id) AS stored, coalesce(sum(x.outcome != 'error'), 0) AS answered
       FROM runs r LEFT JOIN results x ON x.run_id = r.id WHERE r.id = ? GROUP BY r.id`,
    )
    .get(runId) as { expected: number; stored: number; answered: number };
}

/** The most frequent error kind among a run's results, with its count (undefined: no results). */
export function runTopErrorKind(db: Db, runId: number): { kind: string; n: number } | undefined {
  return db.$client
    .prepare(`SELECT coalesce(error_kind, 'unknown') AS kind, count(*) AS n FROM results WHERE run_id = ? GROUP BY 1 ORDER BY n DESC LIMIT 1`)
    .get(runId) as { kind: string; n: number } | undefined;
}

/** A run's status and how many results its counters hold (for benches and scripts that just worked it). */
export function runStoredCount(db: Db, runId: number): { status: string; stored: number } | undefined {
  return db.$client
    .prepare('SELECT status, pass_count + fail_count + error_count + refusal_count AS stored FROM runs WHERE id = ?')
    .get(runId) as { status: string; stored: number } | undefined;
}
