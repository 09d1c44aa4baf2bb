import type { SqlRunner } from '../../db/store';
import { runCompleteness, runTopErrorKind } from '../../db/queries/run-totals';
import { adviceFor } from '../../evals/contracts/error-advice';

export type RunVerdict = { status: 'completed'; message?: undefined } | { status: 'failed'; message: string };

/**
 * How a run whose work loop ended (not cancelled) must end. Completed only when every expected (probe, sample) has
 * a stored result and at least one is an answer: a shortfall stays resumable and says so; a run in which every
 * probe errored (a dead endpoint, a wrong key) failed, with the advice for its most frequent error.
 */
export async function runVerdict(db: SqlRunner, runId: number): Promise<RunVerdict> {
  const counts = await runCompleteness(db, runId);
  const resume = `resume it with: npx sawtooth runs resume ${runId}`;
  if (counts.stored < counts.expected) {
    return { status: 'failed', message: `stored ${counts.stored} of ${counts.expected} results; the rest is missing: ${resume}` };
  }
  if (counts.stored > 0 && counts.answered === 0) {
    const top = (await runTopErrorKind(db, runId))!;
    const advice = adviceFor(top.kind);
    return { status: 'failed', message: `every probe errored (${top.n} × ${top.kind}): ${advice.advice}` };
  }
  return { status: 'completed' };
}
