import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { pairProbes } from '../../evals/contracts';
import { loadSuite, SuiteError } from '../../evals/suites';
import { ARCH_NAMES } from '../../ml/models/architecture';
import { evalCheckpoint, formatEvalTable } from '../../ml/train/eval-checkpoint';
import { runTraining } from '../../ml/train/run-training';
import { TASK_NAMES, TASKS, type TaskName } from '../../ml/tasks';
import { CliError, parseFlags, type Command } from '../command';

const usage = `usage: sawtooth train --arch ctm|transformer|lstm --task parity|addition [--steps N] [--seed S] [--out DIR]
                      [--ticks T] [--model JSON] [--lr X] [--batch N] [--curriculum F] [--stop-after N]
                      [--resume] [--checkpoint-every N] [--suite ID | --exclude FILE]
       sawtooth train --eval-only --out DIR [--ticks T] [--threshold X] [--json]

Trains one checkpoint (AdamW, warm-up + cosine) and writes DIR/model.safetensors, config.json, card.json, card.md.
DIR defaults to checkpoints/<arch>-<task>. Progress goes to stderr; a training state is saved every
--checkpoint-every steps (default 500) in DIR/training/, and --resume continues from it.
Training never sees the suite's instances (default suite: core) nor the held-out evaluation inputs; --exclude FILE
takes a JSON array of prompts instead of a suite.
--model overrides the architecture's default model configuration (e.g. '{"dModel":96}'); --lr the peak learning
rate; --curriculum F ramps the input length up over the first F of the steps (0 = none); --stop-after N stops after
N steps leaving the training state (at the last step: the evaluation and card wait for --resume).
--eval-only re-evaluates DIR's checkpoint (accuracy by length); --ticks runs it with fewer ticks than trained.`;

const FlagsSchema = z
  .object({
    arch: z.enum(ARCH_NAMES).optional(),
    task: z.enum(TASK_NAMES).optional(),
    steps: z.coerce.number().int().positive().optional(),
    seed: z.coerce.number().int().nonnegative().default(1),
    out: z.string().min(1).optional(),
    ticks: z.coerce.number().int().positive().optional(),
    resume: z.boolean().default(false),
    'checkpoint-every': z.coerce.number().int().positive().default(500),
    suite: z.string().min(1).optional(),
    exclude: z.string().min(1).optional(),
    model: z.string().min(1).optional(),
    lr: z.coerce.number().positive().optional(),
    batch: z.coerce.number().int().positive().optional(),
    curriculum: z.coerce.number().min(0).max(1).optional(),
    'stop-after': z.coerce.number().int().positive().optional(),
    'eval-only': z.boolean().default(false),
    threshold: z.coerce.number().min(0).max(1).optional(),
    json: z.boolean().default(false),
  })
  .refine((f) => f['eval-only'] || (f.arch && f.task), { message: 'required (with --task), unless --eval-only', path: ['arch'] })
  .refine((f) => !f['eval-only'] || f.out, { message: 'required with --eval-only', path: ['out'] })
  .refine((f) => !(f.suite && f.exclude), { message: 'give --suite or --exclude, not both', path: ['exclude'] });

const options = {
  arch: { type: 'string' }, task: { type: 'string' }, steps: { type: 'string' }, seed: { type: 'string' },
  out: { type: 'string' }, ticks: { type: 'string' }, resume: { type: 'boolean' }, 'checkpoint-every': { type: 'string' },
  suite: { type: 'string' }, exclude: { type: 'string' }, model: { type: 'string' }, lr: { type: 'string' },
  batch: { type: 'string' }, curriculum: { type: 'string' }, 'stop-after': { type: 'string' }, 'eval-only': { type: 'boolean' }, threshold: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** The repo's checkpoints/ folder, next to scripts/. */
const CHECKPOINTS_DIR = new URL('../../checkpoints/', import.meta.url);

/** Task keys of the prompts training must not see, and a sentence for the card saying where they came from. */
function suiteExclusion(task: TaskName, flags: { suite?: string; exclude?: string }): { keys: string[]; note: string } {
  let prompts: string[];
  let source: string;
  if (flags.exclude) {
    const parsed = z.array(z.string()).safeParse(JSON.parse(readFileSync(flags.exclude, 'utf8')));
    if (!parsed.success) throw new CliError(`--exclude: ${flags.exclude} is not a JSON array of prompt strings`, 2);
    prompts = parsed.data;
    source = `the prompts in ${flags.exclude}`;
  } else {
    const id = flags.suite ?? 'core';
    let suite;
    try {
      suite = loadSuite(id);
    } catch (error) {
      // An explicit --suite must load; the default one may be missing (e.g. a checkout without built-in suites).
      if (!(error instanceof SuiteError) || flags.suite) throw new CliError(`--suite: ${(error as Error).message}`, 2);
      return { keys: [], note: `Suite ${id} could not be loaded (${error.message}), so no suite instances were excluded from training.` };
    }
    // Every probe of the suite, contrast twins included: none of them may be a training input.
    prompts = suite.pairs.flatMap((pair) => pairProbes(pair).map((probe) => probe.prompt));
    source = `suite ${suite.id} (version ${suite.version})`;
  }
  const adapter = TASKS[task];
  const keys = prompts.flatMap((prompt) => {
    const input = adapter.parse(prompt);
    return input === null ? [] : [adapter.key(input)];
  });
  return { keys, note: `Training excluded the ${keys.length} ${task} instances of ${source} (none of them occurs in the training data).` };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** --stop-after only says how a run was scheduled; the card's command reproduces the model without it. */
function dropStopAfter(args: string[]): string[] {
  const i = args.findIndex((a) => a === '--stop-after' || a.startsWith('--stop-after='));
  if (i < 0) return args;
  return [...args.slice(0, i), ...args.slice(i + (args[i]!.includes('=') ? 1 : 2))];
}

/** Shell-quotes arguments with characters a shell would interpret (e.g. a --model JSON). */
function quoteArgs(args: string[]): string[] {
  return args.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`));
}

export const trainCommand: Command = {
  name: 'train',
  summary: 'train a CTM / Transformer / LSTM checkpoint on parity or addition (or --eval-only one)',
  usage,
  async run(args, io) {
    const { flags } = parseFlags(args, options, FlagsSchema);
    if (flags['eval-only']) {
      const result = await evalCheckpoint(resolve(flags.out!), { ticks: flags.ticks, threshold: flags.threshold });
      io.stdout(flags.json ? `${JSON.stringify(result)}\n` : formatEvalTable(result));
      return 0;
    }
    const arch = flags.arch!;
    const task = flags.task!;
    const outDir = flags.out ? resolve(flags.out) : new URL(`${arch}-${task}/`, CHECKPOINTS_DIR).pathname;
    const { keys, note } = suiteExclusion(task, flags);
    const command = ['npx sawtooth train', ...quoteArgs(dropStopAfter(args.filter((a) => a !== '--resume')))].join(' ');
    let model: Record<string, unknown> | undefined;
    if (flags.model) {
      const parsed = z.record(z.string(), z.unknown()).safeParse(parseJson(flags.model));
      if (!parsed.success) throw new CliError(`--model: ${flags.model} is not a JSON object of model settings`, 2);
      model = parsed.data;
    }
    const { card } = await runTraining({
      arch,
      task,
      seed: flags.seed,
      outDir,
      steps: flags.steps,
      ticks: flags.ticks,
      model,
      peakLr: flags.lr,
      batchSize: flags.batch,
      curriculum: flags.curriculum,
      stopAfterSteps: flags['stop-after'],
      resume: flags.resume,
      checkpointEvery: flags['checkpoint-every'],
      suiteKeys: keys,
      suiteNote: note,
      command,
      progress: io.stderr,
    });
    if (!card) return 0;
    io.stdout(
      `${card.name}: ${card.paramCount} params, ${card.steps} steps in ${card.wallTimeSeconds.toFixed(0)} s, ` +
        `mean accuracy ${(100 * card.evaluation.meanAccuracy).toFixed(1)}% → ${outDir}\n`,
    );
    return 0;
  },
};
