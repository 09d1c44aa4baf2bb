import type { Db } from '../../db/client';
import { adviceFor } from '../../evals/contracts/error-advice';

export type RunVerdict = { status: 'completed'; message?: undefined } | { status: 'failed'; message: string };

/**
 * How a run whose work loop ended (not cancelled) must end. Completed only when every expected (probe, sample) has
 * a stored result and at least one is an answer: a shortfall stays resumable and says so; a run in which every
 * probe errored (a dead endpoint, a wrong key) failed, with the advice for its most frequent error.
 */
export function runVerdict(db: Db, runId: number): RunVerdict {
  const counts = db.$client
    .prepare(
      `SELECT r.expected AS expected, count(x.run_id) AS stored, coalesce(sum(x.outcome != 'error'), 0) AS answered
       FROM runs r LEFT JOIN results x ON x.run_id = r.id WHERE r.id = ? GROUP BY r.id`,
    )
    .get(runId) as { expected: number; stored: number; answered: number };
  const resume = `resume it with: npx sawtooth runs resume ${runId}`;
  if (counts.stored < counts.expected) {
    return { status: 'failed', message: `stored ${counts.stored} of ${counts.expected} results; the rest is missing: ${resume}` };
  }
  if (counts.stored > 0 && counts.answered === 0) {
    const top = db.$client
      .prepare(`SELECT coalesce(error_kind, 'unknown') AS kind, count(*) AS n FROM results WHERE run_id = ? GROUP BY 1 ORDER BY n DESC LIMIT 1`)
      .get(runId) as { kind: string; n: number };
    const advice = adviceFor(top.kind);
    return { status: 'failed', message: `every probe errored (${top.n} × ${top.kind}): ${advice.advice}` };
  }
  return { status: 'completed' };
}
