import { z } from 'zod';
import { loadSuite, SuiteError } from '../../evals/suites';
import { runBattery } from '../../testing/simulated-models/battery';
import { detectableFamilies, MODEL_DESCRIPTIONS, SIMULATED_MODELS } from '../../testing/simulated-models/models';
import { CliError, parseFlags, type Command } from '../command';

const usage = `usage: sawtooth battery [--replications N] [--seed S] [--suite <id|file>] [--model <name>] [--json]

Runs the simulated-model battery of the jaggedness verdict (issue 9) on a suite (default core, k = 1) and prints,
per simulated model, how often its verdict was right over N seeded replications (default 200; replication r uses
seed S + r, default S = 1). Models: ${SIMULATED_MODELS.join(', ')}. Right means "not jagged" for the first four;
for the jagged ones, "jagged" with every flipped family flagged and at most one other. The exit code is 1 when a
required model (all but jagged-independent, a power figure) is right in fewer than 95%. --json prints a JSON array.`;

const FlagsSchema = z.object({
  replications: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1).max(100_000).default(200),
  seed: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').default(1),
  suite: z.string().min(1).default('core'),
  model: z.enum(SIMULATED_MODELS, { error: `must be one of ${SIMULATED_MODELS.join(', ')}` }).optional(),
  json: z.boolean().optional(),
});
const options = {
  replications: { type: 'string' }, seed: { type: 'string' }, suite: { type: 'string' }, model: { type: 'string' }, json: { type: 'boolean' },
} as const;

export const batteryCommand: Command = {
  name: 'battery',
  summary: 'run the simulated-model battery of the jaggedness verdict and print its pass rate per model',
  usage,
  async run(args, io) {
    const { flags } = parseFlags(args, options, FlagsSchema);
    let suite;
    try {
      suite = loadSuite(flags.suite);
    } catch (error) {
      if (error instanceof SuiteError) throw new CliError(`--suite: ${error.message}`, 2);
      throw error;
    }
    const results = runBattery(suite, { replications: flags.replications, seed: flags.seed, models: flags.model ? [flags.model] : undefined });
    if (flags.json) {
      io.stdout(`${JSON.stringify(results.map((r) => ({ ...r, suite: { id: suite.id, version: suite.version } })))}\n`);
      return 0;
    }
    io.stdout(`suite ${suite.id} ${suite.version}: ${suite.families.length} families, ${suite.pairs.length} pairs, k = 1, ${flags.replications} replications (seeds ${flags.seed}…${flags.seed + flags.replications - 1})\n`);
    const detectable = new Set(detectableFamilies(suite));
    const undetectable = suite.families.map((family) => family.id).filter((id) => !detectable.has(id));
    if (undetectable.length > 0) {
      io.stdout(`${undetectable.length} families cannot show a flip beyond guessing (too few pairs for their guessing bound, or open easy with guessable hard probes): ${undetectable.join(', ')}\n`);
    }
    const width = Math.max(...results.map((r) => r.model.length));
    for (const r of results) {
      const extra =
        (r.verdicts.jagged > 0 && r.model.startsWith('jagged') ? `  missed a flipped family ${r.missedFlips}, flagged another ${r.falseFlags}` : '') +
        (r.required ? '' : '  (power only, not required)');
      io.stdout(
        `${r.model.padEnd(width)}  right ${(100 * r.passRate).toFixed(1).padStart(5)}%  index ${r.meanIndex.toFixed(3)}  J ${r.meanJ.toFixed(2)}  ` +
          `(jagged ${r.verdicts.jagged}, not jagged ${r.verdicts['not jagged']}, insufficient ${r.verdicts['insufficient data']})${extra}\n`,
      );
    }
    io.stdout(`\nindex: the jaggedness index (0 without a flipped tooth); J: the pooled inversion rate, the old headline (means over replications)\n`);
    io.stdout(`${results.map((r) => `${r.model}: ${MODEL_DESCRIPTIONS[r.model]}`).join('\n')}\n`);
    return results.every((r) => !r.required || r.passRate >= 0.95) ? 0 : 1;
  },
};
