import { z } from 'zod';
import { SuiteError } from '../../evals/suites';
import { suiteProbeHealth, type SuiteProbeHealth } from '../../server/explore/probe-health';
import { CliError, parseFlags, type CommandIO } from '../command';
import { currentSuiteKey } from '../../server/suites/suite-key';
import { openCliStore } from '../open-db';

const HealthFlagsSchema = z.object({ suite: z.string().min(1).default('core'), json: z.boolean().optional() });
const healthOptions = { suite: { type: 'string' }, json: { type: 'boolean' } } as const;

/** How many probes of each list the text report shows (--json has them all). */
const SHOWN = 15;

const fixed = (n: number) => (n >= 0 ? ` ${n.toFixed(2)}` : n.toFixed(2));

function report(health: SuiteProbeHealth): string {
  const lines = [`suite ${health.suiteId}: ${health.models} models with results (probe health is judged from ${health.minModels})`];
  if (!health.ready) {
    lines.push(`not judged yet: run ${health.minModels - health.models} more model(s) on it, e.g. \`sawtooth eval --suite ${health.suiteId} --model <id>\``);
    return `${lines.join('\n')}\n`;
  }
  const misTiered = health.pairs.filter((pair) => pair.misTiered).sort((a, b) => b.easyFailed - b.hardFailed - (a.easyFailed - a.hardFailed) || a.p - b.p);
  lines.push('', `likely mis-tiered pairs (easy tier failed by more models than the hard tier): ${misTiered.length} of ${health.pairs.length}`);
  for (const pair of misTiered.slice(0, SHOWN))
    lines.push(`  ${pair.pairId.padEnd(40)} easy failed by ${pair.easyFailed}/${pair.models}, hard by ${pair.hardFailed}/${pair.models}  (McNemar p = ${pair.p.toPrecision(2)})`);
  for (const flag of ['nobody', 'everybody'] as const) {
    const flagged = health.probes.filter((probe) => probe.flag === flag);
    lines.push('', `probes ${flag} passes: ${flagged.length} of ${health.probes.length}`);
    for (const probe of flagged.slice(0, SHOWN)) lines.push(`  ${probe.probeId}`);
    if (flagged.length > SHOWN) lines.push(`  … and ${flagged.length - SHOWN} more (--json lists them all)`);
  }
  const hardest = [...health.probes].sort((a, b) => b.difficulty.logit - a.difficulty.logit).slice(0, SHOWN);
  lines.push('', 'hardest probes: difficulty [95% interval], passed by');
  for (const probe of hardest)
    lines.push(`  ${probe.probeId.padEnd(44)} ${fixed(probe.difficulty.logit)} [${fixed(probe.difficulty.lo)}, ${fixed(probe.difficulty.hi)}]  ${probe.passed}/${probe.models}`);
  lines.push('', `method: ${health.method}`);
  return `${lines.join('\n')}\n`;
}

/** `sawtooth probes health --suite <id> [--json]`. */
export async function probesHealth(args: string[], io: CommandIO): Promise<number> {
  const { flags, positionals } = parseFlags(args, healthOptions, HealthFlagsSchema, true);
  if (positionals.length > 0) throw new CliError(`health: unexpected argument "${positionals[0]}"`, 2);
  const { store } = await openCliStore();
  let health: SuiteProbeHealth;
  try {
    health = await suiteProbeHealth(store, flags.suite, await currentSuiteKey(store, flags.suite));
  } catch (error) {
    if (error instanceof SuiteError) throw new CliError(`--suite: ${error.message}`, 2);
    throw error;
  } finally {
    await store.close();
  }
  io.stdout(flags.json ? `${JSON.stringify(health, null, 2)}\n` : report(health));
  return 0;
}
