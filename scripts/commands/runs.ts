import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { buildRunLog } from '../../server/results/exports/run-log';
import { removeRun } from '../../server/runner/remove-run';
import { codeRevision } from '../code-revision';
import { didYouMean } from '../did-you-mean';
import { plural } from '../plural';
import { getRun, listRuns, runErrorKinds } from '../../db/queries/runs';
import { cancelRun, resumeRun, retryRunErrors, RunStateError } from '../../server/runner/run-control';
import { runErrorSummary, runTotals } from '../../server/runner/run-totals';
import { CliError, parseFlags, type Command, type CommandIO } from '../command';
import { openCliStore } from '../open-db';
import type { Store } from '../../db/store';
import { runInProcess } from '../run-in-process';

const usage = `usage: sawtooth runs list [--json]
       sawtooth runs show <id> [--json]
       sawtooth runs cancel <id>
       sawtooth runs resume <id> [--queue-only]
       sawtooth runs retry-errors <id> [--queue-only]
       sawtooth runs remove <id> --yes
       sawtooth runs log <id> --out run.json

resume and retry-errors answer what is missing in this process (use --queue-only to leave it to a worker).
remove deletes a finished run with its results (needs --yes). log writes a self-describing run log (model
endpoint, suite version, settings, code revision, timings, every result) that \`sawtooth import run.json\` reads back.`;

const ACTIONS = ['list', 'show', 'cancel', 'resume', 'retry-errors', 'remove', 'log'] as const;
const FlagsSchema = z.object({ json: z.boolean().optional(), 'queue-only': z.boolean().optional(), yes: z.boolean().optional(), out: z.string().min(1).optional() });
const options = { json: { type: 'boolean' }, 'queue-only': { type: 'boolean' }, yes: { type: 'boolean' }, out: { type: 'string' } } as const;

async function control<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof RunStateError) throw new CliError(error.message);
    throw error;
  }
}

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
    const { flags, positionals } = parseFlags(args, options, FlagsSchema, true);
    const [action, rawId, ...extra] = positionals;
    if (!action || !(ACTIONS as readonly string[]).includes(action)) {
      throw new CliError(action ? `unknown action "${action}"${didYouMean(action, ACTIONS) || ` (use ${ACTIONS.join(', ')})`}` : `give an action: ${ACTIONS.join(', ')}`, 2);
    }
    if (extra.length > 0) throw new CliError(`unexpected argument "${extra[0]}"`, 2);
    const { store } = await openCliStore();
    try {
      return await act(store, action as (typeof ACTIONS)[number], rawId, flags, io);
    } finally {
      await store.close();
    }
  },
};

async function act(store: Store, action: (typeof ACTIONS)[number], rawId: string | undefined, flags: z.infer<typeof FlagsSchema>, io: CommandIO): Promise<number> {
  if (action === 'list') {
    const runs = await listRuns(store, { limit: 100 });
    if (flags.json) io.stdout(`${JSON.stringify(runs)}\n`);
    else for (const r of runs) io.stdout(`${String(r.id).padStart(5)}  ${r.status.padEnd(9)}  ${r.modelId}  ${r.suiteId}  ${r.passCount + r.failCount + r.errorCount + r.refusalCount}/${r.expected}\n`);
    return 0;
  }
  const id = runIdOf(rawId);
  if (!(await getRun(store, id))) throw new CliError(`no run with id ${id}`);
  if (action === 'remove') {
    if (!flags.yes) throw new CliError(`remove: this deletes run ${id} and its results; add --yes to confirm`, 2);
    const removed = await control(() => removeRun(store, id));
    io.stdout(`removed run ${id} (${plural(removed.results, 'result')})\n`);
    return 0;
  }
  if (action === 'log') {
    if (!flags.out) throw new CliError('--out: required: the file to write, e.g. --out run.json', 2);
    const log = (await buildRunLog(store, id, codeRevision()))!;
    writeFileSync(flags.out, `${JSON.stringify(log, null, 1)}\n`);
    io.stdout(`wrote ${flags.out}: run ${id}, ${plural(log.results.length, 'result')} (model ${log.model.id}, suite ${log.suite.id} ${log.suite.version}, code ${log.codeRevision})\n`);
    return 0;
  }
  await control(async () => {
    if (action === 'cancel') await cancelRun(store, id);
    if (action === 'resume') await resumeRun(store, id);
    if (action === 'retry-errors') io.stdout(`retrying ${plural(await retryRunErrors(store, id), 'error')}\n`);
  });
  if ((action === 'resume' || action === 'retry-errors') && !flags['queue-only']) await runInProcess(store, id, io);

  const run = (await getRun(store, id))!;
  const errorDetails = await runErrorSummary(store, id);
  const view = {
    id: run.id, model: run.modelId, suite: run.suiteId, suiteVersion: run.suiteVersion, status: run.status,
    expected: run.expected, counts: { pass: run.passCount, fail: run.failCount, error: run.errorCount, refusal: run.refusalCount },
    errors: Object.fromEntries((await runErrorKinds(store, id)).map((k) => [k.kind, k.n])), costUsd: run.costUsd, settings: run.settings,
    totals: await runTotals(store, id), errorDetails, message: run.message,
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
}
