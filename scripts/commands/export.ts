import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { modelExists } from '../../db/queries/models';
import { SuiteError, serializeSuite } from '../../evals/suites';
import { exportResults, type ExportScope } from '../../server/results/exports/results-export';
import { resolveSuite } from '../../server/suites/resolve-suite';
import { CliError, parseFlags, type Command, type CommandIO } from '../command';
import type { Store } from '../../db/store';
import { openCliStore } from '../open-db';
import { exportRunSuites } from '../../db/queries/results-export';
import { checkOutPath } from '../safe-out-path';
import { env } from '../../server/env';

const usage = `usage: sawtooth export (--run <id> | --model <id> [--suite <id>]) --format csv|json [--out <file>]
       sawtooth export --suite <id> --format yaml|jsonl [--out <file>]

Writes a run's results, or a model's results on one suite (default core; suites never mix), as CSV or JSON
(streamed, a page at a time), or a suite (built-in or made in the dashboard) as a suite file that --suite <file> and
\`sawtooth probes validate\` read. Without --out: stdout.`;

const FlagsSchema = z
  .object({
    run: z.coerce.number({ error: 'must be a run id' }).int().positive().optional(),
    model: z.string().min(1).optional(),
    suite: z.string().min(1).optional(),
    format: z.enum(['csv', 'json', 'yaml', 'jsonl'], { error: 'must be csv or json (results), yaml or jsonl (suite)' }),
    out: z.string().min(1).optional(),
  })
  .refine((f) => [f.run, f.model, f.model === undefined ? f.suite : undefined].filter((x) => x !== undefined).length === 1, { message: 'give exactly one of --run, --model or --suite', path: ['run'] })
  .refine((f) => !(f.run !== undefined && f.suite !== undefined), { message: 'a run has one suite already: give --run or --suite, not both', path: ['suite'] })
  .refine((f) => (f.run === undefined && f.model === undefined) === !(f.format === 'csv' || f.format === 'json'), { message: 'results export as csv or json; a suite as yaml or jsonl', path: ['format'] });
const options = { run: { type: 'string' }, model: { type: 'string' }, suite: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } } as const;

export const exportCommand: Command = {
  name: 'export',
  summary: 'export results (csv/json) of a run or a model, or a suite as a file',
  usage,
  async run(args, io) {
    const { flags } = parseFlags(args, options, FlagsSchema);
    const target = flags.out === undefined ? undefined : checkOutPath(flags.out, env().SAWTOOTH_DB);
    const { store } = await openCliStore();
    try {
      return await exportTo(store, flags, target, io);
    } finally {
      await store.close();
    }
  },
};

/** Writes the suite file or the results export to `target` (stdout when undefined). */
async function exportTo(store: Store, flags: z.infer<typeof FlagsSchema>, target: string | undefined, io: CommandIO): Promise<number> {
  let chunks: Iterable<string> | AsyncIterable<string>;
  if (flags.run === undefined && flags.model === undefined) {
    try {
      chunks = [serializeSuite(await resolveSuite(store, flags.suite!), flags.format as 'yaml' | 'jsonl')];
    } catch (error) {
      if (error instanceof SuiteError) throw new CliError(`--suite: ${error.message}`, 2);
      throw error;
    }
  } else {
    const scope: ExportScope = flags.run !== undefined ? { runId: flags.run } : { modelId: flags.model!, suiteId: flags.suite ?? 'core' };
    // A run always has a suite: no suite row means no run.
    const exists = 'runId' in scope
      ? (await exportRunSuites(store, { runId: scope.runId })).length > 0
      : await modelExists(store, scope.modelId);
    if (!exists) throw new CliError('runId' in scope ? `--run: no run ${scope.runId}` : `--model: unknown model "${scope.modelId}"`, 2);
    chunks = exportResults(store, scope, flags.format as 'csv' | 'json');
  }
  if (target === undefined) {
    for await (const chunk of chunks) io.stdout(chunk);
    return 0;
  }
  // pipeline respects back-pressure (a million-row export must not pile up in memory ahead of the disk) and
  // turns a write error (disk full) into a rejection the CLI prints as one line.
  await pipeline(Readable.from(chunks, { objectMode: false }), createWriteStream(target));
  io.stderr(`wrote ${flags.out}\n`);
  return 0;
}
