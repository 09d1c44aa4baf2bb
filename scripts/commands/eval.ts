import { z } from 'zod';
import { getRun } from '../../db/queries/runs';
import { modelById, modelIds, type ModelRow } from '../../db/queries/models';
import { ENV_VAR_NAME, modelRecordFromConfig } from '../../evals/contracts/model-endpoint';
import { SuiteError } from '../../evals/suites';
import { upsertModel } from '../../server/models/sync-models';
import { apiKeyVarRefusal } from '../../server/env';
import { createRun } from '../../server/runner/create-run';
import { resolveSuite } from '../../server/suites/resolve-suite';
import { preflight } from '../../server/runner/preflight';
import { RunSettingsSchema } from '../../server/runner/run-settings';
import { CliError, parseFlags, type Command, type CommandIO } from '../command';
import { openCliStore } from '../open-db';
import type { Store } from '../../db/store';
import { runInProcess } from '../run-in-process';
import { parseRateLimit } from '../../server/budget/rate-limit';
import { formatFamilyTable } from '../eval-report';
import { storedProfile } from '../../server/explore/stored-profile';

const usage = `usage: sawtooth eval --suite <id|file> (--model <id> | --base-url <url> --model-name <name> [--api-key-env VAR])
                     [--samples N] [--temperature T] [--seed S] [--max-tokens N] [--concurrency N] [--timeout-ms N]
                     [--cache] [--rate-limit R/S] [--json | --enqueue]

Runs a suite against a model, storing every graded answer, then prints a per-family summary.
The first line of output is "run <id>". With --json the last line of stdout is the run's profile as one JSON object
(the same object \`sawtooth profile --json\` prints and the dashboard shows).
The temperature is always sent: --temperature, else the model's, else 0 (reasoning models take none).
--samples N asks each probe N times (with --seed S, sample i gets seed S+i-1). --cache answers repeated requests
(same endpoint, model, parameters, sample and prompt) from the database instead of the endpoint.
--rate-limit R/S lets at most R requests start in any S seconds on the model's endpoint, summed over every worker on
every machine sharing the database (e.g. 600/60; retries count).
--enqueue only queues the run for the workers (\`sawtooth worker\`, on any machine with the same database), prints
"run <id>" and exits; no request is sent from here, not even the preflight (the workers may sit next to the endpoint).`;

const FlagsSchema = z
  .object({
    suite: z.string({ error: 'required (e.g. --suite core)' }).min(1),
    model: z.string().min(1).optional(),
    'base-url': z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    'model-name': z.string().min(1).optional(),
    'api-key-env': z.string().regex(ENV_VAR_NAME, 'must be the NAME of an environment variable, e.g. OPENAI_API_KEY').optional(),
    samples: z.coerce.number().int().min(1).max(100).optional(),
    temperature: z.coerce.number().min(0).max(2).optional(),
    seed: z.coerce.number().int().optional(),
    'max-tokens': z.coerce.number().int().positive().optional(),
    concurrency: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1).max(512).optional(),
    'timeout-ms': z.coerce.number({ error: 'must be a number' }).int().min(100).max(3_600_000).optional(),
    cache: z.boolean().optional(),
    'rate-limit': z.string().transform((text, ctx) => {
      try {
        return parseRateLimit(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }).optional(),
    json: z.boolean().optional(),
    enqueue: z.boolean().optional(),
  })
  .refine((f) => Boolean(f.model) !== Boolean(f['base-url']), { message: 'give either --model <id> or --base-url <url> with --model-name <name>', path: ['model'] })
  .refine((f) => !f['base-url'] || f['model-name'], { message: 'required with --base-url', path: ['model-name'] })
  .refine((f) => !(f.enqueue && f.json), { message: 'an enqueued run has no profile to print yet (drop --json)', path: ['enqueue'] });

const options = {
  suite: { type: 'string' }, model: { type: 'string' }, 'base-url': { type: 'string' }, 'model-name': { type: 'string' },
  'api-key-env': { type: 'string' }, samples: { type: 'string' }, temperature: { type: 'string' }, seed: { type: 'string' },
  'max-tokens': { type: 'string' }, concurrency: { type: 'string' }, 'timeout-ms': { type: 'string' }, cache: { type: 'boolean' },
  json: { type: 'boolean' }, 'rate-limit': { type: 'string' }, enqueue: { type: 'boolean' },
} as const;

/** An ad-hoc endpoint gets a stable id from its host and model name, so repeated evals pool on one model page. */
function adHocModelId(baseUrl: string, modelName: string): string {
  return `${modelName}@${new URL(baseUrl).host}`.replace(/[^a-z0-9._@-]+/gi, '-').replace('@', '.at.');
}

export const evalCommand: Command = {
  name: 'eval',
  summary: 'run a suite against a model and print its per-family summary',
  usage,
  async run(args, io) {
    const { flags } = parseFlags(args, options, FlagsSchema);
    const { store } = await openCliStore();
    try {
      return await evaluate(store, flags, io);
    } finally {
      await store.close();
    }
  },
};

async function evaluate(store: Store, flags: z.infer<typeof FlagsSchema>, io: CommandIO): Promise<number> {
  let suite;
  try {
    suite = await resolveSuite(store, flags.suite); // a user suite from the database, else built-in id or file
  } catch (error) {
    if (error instanceof SuiteError) throw new CliError(`--suite: ${error.message}`, 2);
    throw error;
  }

  const keyRefusal = flags['api-key-env'] ? apiKeyVarRefusal(flags['api-key-env']) : null;
  if (keyRefusal) throw new CliError(`--api-key-env: ${keyRefusal}`, 2);

  const settings = RunSettingsSchema.parse({
    samples: flags.samples, temperature: flags.temperature, seed: flags.seed, maxTokens: flags['max-tokens'],
    concurrency: flags.concurrency ?? 8, timeoutMs: flags['timeout-ms'], cache: flags.cache,
    rateLimit: flags['rate-limit'],
  });
  // An ad-hoc endpoint is stored only once it has answered: a failed preflight leaves no model row behind.
  const adHoc = flags['base-url']
    ? modelRecordFromConfig({
        id: adHocModelId(flags['base-url'], flags['model-name']!), label: `${flags['model-name']} (${new URL(flags['base-url']).host})`,
        baseURL: flags['base-url'], model: flags['model-name']!, apiKeyEnv: flags['api-key-env'],
      }, 'cli')
    : undefined;
  const model = adHoc ? { ...((await modelById(store, adHoc.id)) ?? {}), ...adHoc, createdAt: new Date() } as ModelRow : await modelById(store, flags.model!);
  if (!model) {
    const known = await modelIds(store);
    throw new CliError(`--model: unknown model "${flags.model}" (known: ${known.join(', ') || 'none; add one to sawtooth.config.json'})`, 2);
  }
  // A neutral prompt, not a probe: a model that declares a scope is never sent a probe outside it, not even here.
  // Not for --enqueue: the workers may reach the endpoint where this machine cannot; they report a dead one.
  const problem = flags.enqueue ? null : await preflight(model, settings, 'Reply with the word OK.');
  if (problem) throw new CliError(problem);
  if (adHoc) await upsertModel(store, adHoc);

  const runId = await createRun(store, { modelId: model.id, suite, settings });
  io.stdout(`run ${runId}\n`);
  if (flags.enqueue) {
    io.stderr(`queued for the workers of ${store.location} (start one with: npx sawtooth worker; see them with: npx sawtooth workers)\n`);
    return 0;
  }
  await runInProcess(store, runId, io, { quiet: flags.json });

  const run = (await getRun(store, runId))!;
  // The same object `sawtooth profile --model <id> --suite <id> --run <id> --json` prints and the dashboard shows.
  const { profile } = (await storedProfile(store, { modelId: model.id, suiteId: suite.id, runIds: [runId] }))!;
  io.stdout(formatFamilyTable(profile));
  if (run.status !== 'completed') io.stdout(`run ${runId} is ${run.status}; resume it with: npx sawtooth runs resume ${runId}\n`);
  if (flags.json) io.stdout(`${JSON.stringify(profile)}\n`);
  return run.status === 'completed' ? 0 : 1;
}
