import { z } from 'zod';
import { getRun, listRuns, runErrorKinds } from '../../db/queries/runs';
import { cancelRun, resumeRun, retryRunErrors, RunStateError } from '../../server/runner/run-control';
import { runErrorSummary, runTotals } from '../../server/runner/run-totals';
import { CliError, parseFlags, type Command } from '../command';
import { openCliDb } from '../open-db';
import { runInProcess } from '../run-in-process';

const usage = `usage: sawtooth runs list [--json]
       sawtooth runs show <id> [--json]
       sawtooth runs cancel <id>
       sawtooth runs resume <id> [--queue-only]
       sawtooth runs retry-errors <id> [--queue-only]

resume and retry-errors answer what is missing in this process (use --queue-only to leave it to a worker).`;

const ACTIONS = ['list', 'show', 'cancel', 'resume', 'retry-errors'] as const;
const FlagsSchema = z.object({ json: z.boolean().optional(), 'queue-only': z.boolean().optional() });

function runIdOf(raw: string | undefined): number {
  const id = Number(raw);
  if (!raw || !Number.isInteger(id) || id <= 0) throw new CliError(`expected a run id (a positive integer), got "${raw ?? ''}"`, 2);
  return id;
}

export const runsCommand: Command = {
  name: 'runs',
  summary: 'list, show, cancel, resume, or retry the errors of runs',
  usage,
  async run(args, io) {
    const { flags, positionals } = parseFlags(args, { json: { type: 'boolean' }, 'queue-only': { type: 'boolean' } }, FlagsSchema, true);
    const [action, rawId, ...extra] = positionals;
    if (!action || !(ACTIONS as readonly string[]).includes(action)) throw new CliError(`expected one of ${ACTIONS.join(', ')}, got "${action ?? ''}"`, 2);
    if (extra.length > 0) throw new CliError(`unexpected argument "${extra[0]}"`, 2);
    const { db } = openCliDb();

    if (action === 'list') {
      const runs = listRuns(db, { limit: 100 });
      if (flags.json) io.stdout(`${JSON.stringify(runs)}\n`);
      else for (const r of runs) io.stdout(`${String(r.id).padStart(5)}  ${r.status.padEnd(9)}  ${r.modelId}  ${r.suiteId}  ${r.passCount + r.failCount + r.errorCount + r.refusalCount}/${r.expected}\n`);
      return 0;
    }
    const id = runIdOf(rawId);
    if (!getRun(db, id)) throw new CliError(`no run with id ${id}`);
    try {
      if (action === 'cancel') cancelRun(db, id);
      if (action === 'resume') resumeRun(db, id);
      if (action === 'retry-errors') io.stdout(`retrying ${retryRunErrors(db, id)} errors\n`);
    } catch (error) {
      if (error instanceof RunStateError) throw new CliError(error.message);
      throw error;
    }
    if ((action === 'resume' || action === 'retry-errors') && !flags['queue-only']) await runInProcess(db, id, io);

    const run = getRun(db, id)!;
    const errorDetails = runErrorSummary(db, id);
    const view = {
      id: run.id, model: run.modelId, suite: run.suiteId, suiteVersion: run.suiteVersion, status: run.status,
      expected: run.expected, counts: { pass: run.passCount, fail: run.failCount, error: run.errorCount, refusal: run.refusalCount },
      errors: Object.fromEntries(runErrorKinds(db, id).map((k) => [k.kind, k.n])), costUsd: run.costUsd, settings: run.settings,
      totals: runTotals(db, id), errorDetails, message: run.message,
    };
    if (flags.json) {
      io.stdout(`${JSON.stringify(view)}\n`);
      return 0;
    }
    io.stdout(`run ${view.id}: ${view.status}, ${view.counts.pass + view.counts.fail + view.counts.error}/${view.expected} answered (pass ${view.counts.pass}, fail ${view.counts.fail}, error ${view.counts.error})\n`);
    const t = view.totals;
    io.stdout(`  tokens ${t.promptTokens} in / ${t.completionTokens} out` + (t.costUsd === null ? '' : `, cost $${t.costUsd.toFixed(4)}`) +
      (t.latencyMeanMs === null ? '' : `, latency mean ${t.latencyMeanMs} ms, p95 ${t.latencyP95Ms} ms`) + '\n');
    if (view.message) io.stdout(`  ${view.message}\n`);
    for (const e of errorDetails) io.stdout(`  ${String(e.n).padStart(6)} ${e.kind}: ${e.advice}\n`);
    return 0;
  },
};
