import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { formatIssue } from '../../evals/suites';
import { importResults, RESULT_FORMATS } from '../../server/results/imports/import-results';
import { CliError, parseFlags, type Command } from '../command';
import { openCliStore } from '../open-db';

const usage = `usage: sawtooth import <file> [--format jsonl|lm-eval|promptfoo|run-log] [--model <id>] [--json]

Imports results written by another tool as runs that chart like native ones:
  jsonl      one JSON object per line: model, probe (id) or prompt, response, and correct (true/false)
             or answer (+ grader) to grade the response against; or error for a failed request
  lm-eval    lm-evaluation-harness sample logs (samples_<task>_<date>.jsonl, from --log_samples); needs --model
  promptfoo  a promptfoo JSON export (promptfoo eval -o results.json)
  run-log    a run log written by \`sawtooth runs log <id> --out run.json\` (settings, suite version, every result)
The format is guessed from the file name when --format is absent. Probes that match a stored probe (by id or by
prompt) join its pairs. The whole file is checked first: on any problem nothing is written.`;

const FlagsSchema = z.object({
  format: z.enum(RESULT_FORMATS, { error: `must be one of ${RESULT_FORMATS.join(', ')}` }).optional(),
  model: z.string().min(1).optional(),
  json: z.boolean().optional(),
});
const options = { format: { type: 'string' }, model: { type: 'string' }, json: { type: 'boolean' } } as const;

export const importCommand: Command = {
  name: 'import',
  summary: 'import results from JSONL, lm-evaluation-harness samples or promptfoo as runs',
  usage,
  async run(args, io) {
    const { flags, positionals } = parseFlags(args, options, FlagsSchema, true);
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new CliError('give exactly one file to import', 2);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CliError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message}`);
    }
    const { store } = await openCliStore();
    let outcome;
    try {
      outcome = await importResults(store, { fileName: file, text, format: flags.format, modelId: flags.model });
    } finally {
      await store.close();
    }
    if (!outcome.ok) {
      for (const issue of outcome.issues.slice(0, 50)) io.stderr(`${formatIssue(issue)}\n`);
      if (outcome.issues.length > 50) io.stderr(`… and ${outcome.issues.length - 50} more\n`);
      throw new CliError(`${outcome.issues.length} problem(s) in ${file} (${outcome.format}); nothing was imported`);
    }
    for (const run of outcome.summary.runs) {
      io.stdout(`run ${run.runId}: ${run.results} results for model ${run.modelId} (pass ${run.pass}, fail ${run.fail}, error ${run.error})\n`);
    }
    io.stdout(`${outcome.summary.matched} matched stored probes, ${outcome.summary.unpaired} new unpaired probes${outcome.skipped ? `, ${outcome.skipped} lines of other filters skipped` : ''}\n`);
    if (flags.json) io.stdout(`${JSON.stringify({ format: outcome.format, ...outcome.summary, skipped: outcome.skipped })}\n`);
    return 0;
  },
};
