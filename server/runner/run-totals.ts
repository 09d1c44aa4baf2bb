import type { SqlRunner } from '../../db/store';
import { runErrorCountsByKind, runLatencyAt, runResultSums } from '../../db/queries/run-totals';
import { adviceFor } from '../../evals/contracts/error-advice';

/** What a run cost and how long its answers took, summed over its stored results. */
export interface RunTotals {
  promptTokens: number;
  completionTokens: number;
  /** USD, from the prices per million tokens in the config; null when the model has no price. */
  costUsd: number | null;
  /** Mean and 95th percentile of the per-result latency, ms (null before the first result). */
  latencyMeanMs: number | null;
  latencyP95Ms: number | null;
}

/** One error kind of a run, with the advice to show next to it. */
export interface RunErrorSummary {
  kind: string;
  n: number;
  title: string;
  advice: string;
}

/** Token, cost and latency totals of one run: one pass over that run's rows (bounded by the run, not the table). */
export async function runTotals(db: SqlRunner, runId: number): Promise<RunTotals> {
  const sums = await runResultSums(db, runId);
  const p95 = sums.n === 0 ? null : ((await runLatencyAt(db, runId, Math.min(sums.n - 1, Math.floor(0.95 * sums.n)))) ?? null);
  return {
    promptTokens: sums.promptTokens,
    completionTokens: sums.completionTokens,
    costUsd: sums.costUsd,
    latencyMeanMs: sums.latencyMeanMs === null ? null : Math.round(sums.latencyMeanMs),
    latencyP95Ms: p95,
  };
}

/** A run's error counts by kind, most frequent first, each with what to do about it. */
export async function runErrorSummary(db: SqlRunner, runId: number): Promise<RunErrorSummary[]> {
  const rows = await runErrorCountsByKind(db, runId);
  return rows.map((r) => ({ ...r, ...adviceFor(r.kind) })).map(({ transient: _t, ...r }) => r);
}
