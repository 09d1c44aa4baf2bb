import { z } from 'zod';
import { PAIR_SLOTS, type Pair, type Suite } from '../../evals/contracts';
import { tierChance } from '../../evals/graders/chance';
import { formatIssue, loadSuite, SuiteError } from '../../evals/suites';
import { CliError, parseFlags, type Command, type CommandIO } from '../command';
import { didYouMean } from '../did-you-mean';
import { plural } from '../plural';
import { probesHealth } from './probes-health';
import { importPairs, importUsage } from './probes-import';

const usage = `usage: sawtooth probes list [--suite <id|file>] [--family <id>] [--json]
       sawtooth probes validate <file>
       sawtooth probes health [--suite <id>] [--json]
${importUsage}

list      the families of a suite (domain, id, pairs, title); with --family, that family's pairs
          (id, easy and hard prompt, answers), shortened to fit a terminal. --json prints them in full, with each
          family's reportedFailure, its number of contrast twins and its chance of passing a tier by guessing.
          --suite defaults to "core"; it may also be a suite file (.yaml or .jsonl).
health    probe health from the results in the database, once 5 or more models have results on the suite:
          likely mis-tiered pairs (easy failed more often than hard), probes nobody or everybody passes, and each
          probe's difficulty with its 95% interval.
validate  checks a suite file and prints "ok: N families, M pairs", or every problem as
          file:line: field: message (exit code 1).`;

const ListFlagsSchema = z.object({
  suite: z.string().min(1).default('core'),
  family: z.string().min(1).optional(),
  json: z.boolean().optional(),
});
const listOptions = { suite: { type: 'string' }, family: { type: 'string' }, json: { type: 'boolean' } } as const;

/** A probe is shown on one line of about 110 characters: prompt, arrow, answer. */
const PROMPT_WIDTH = 84;
const ANSWER_WIDTH = 40;

/** The closing instruction ("Answer with a number.") is the same across a family; the listing leaves it out. */
const ANSWER_INSTRUCTION = /\s*Answer (?:with|yes|1 if)[^]*$/;

/**
 * One line, at most `width` characters: newlines become spaces, and a long text keeps its start and its end with an
 * ellipsis between, because the two probes of a pair often share their opening and differ in the question at the end.
 */
export function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const head = Math.floor((width - 1) * 0.4);
  const tail = width - 1 - head;
  return `${flat.slice(0, head)}…${flat.slice(flat.length - tail)}`;
}

function table(rows: string[][], rightAligned: ReadonlySet<number> = new Set()): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function openSuite(idOrPath: string): Suite {
  try {
    return loadSuite(idOrPath);
  } catch (error) {
    if (error instanceof SuiteError) throw new CliError(`--suite: ${error.message}`, 2);
    throw error;
  }
}

/** A family's chance of passing a tier by guessing, averaged over its pairs (a probe and its twin both right). */
function familyChance(pairs: readonly Pair[]): { easy: number; hard: number; twins: number } {
  const mean = (tier: 'easy' | 'hard') => pairs.reduce((sum, pair) => sum + tierChance(pair, tier), 0) / Math.max(1, pairs.length);
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return { easy: round(mean('easy')), hard: round(mean('hard')), twins: pairs.filter((p) => p.easyTwin).length + pairs.filter((p) => p.hardTwin).length };
}

function listFamilies(suite: Suite, io: CommandIO, json: boolean): void {
  const counts = new Map<string, number>();
  for (const pair of suite.pairs) counts.set(pair.family, (counts.get(pair.family) ?? 0) + 1);
  if (json) {
    const families = suite.families.map((family) => {
      const { twins, ...chance } = familyChance(suite.pairs.filter((pair) => pair.family === family.id));
      return { ...family, pairs: counts.get(family.id) ?? 0, twins, chance };
    });
    io.stdout(`${JSON.stringify({ id: suite.id, title: suite.title, version: suite.version, families }, null, 2)}\n`);
    return;
  }
  const rows = [
    ['domain', 'family', 'pairs', 'title'],
    ...suite.families.map((family) => [family.domain, family.id, String(counts.get(family.id) ?? 0), family.title]),
  ];
  io.stdout(`suite ${suite.id} (version ${suite.version}): ${plural(suite.families.length, 'family')}, ${plural(suite.pairs.length, 'pair')}\n`);
  io.stdout(`${table(rows, new Set([2]))}\n`);
}

function listPairs(suite: Suite, familyId: string, io: CommandIO, json: boolean): void {
  const family = suite.families.find((f) => f.id === familyId);
  if (!family) {
    throw new CliError(`--family: no family "${familyId}" in suite ${suite.id} (\`sawtooth probes list --suite ${suite.id}\` lists them)`, 2);
  }
  const pairs: Pair[] = suite.pairs.filter((pair) => pair.family === familyId);
  if (json) {
    io.stdout(`${JSON.stringify({ suite: suite.id, version: suite.version, family, pairs }, null, 2)}\n`);
    return;
  }
  const probeLine = (tier: string, prompt: string, answer: string) =>
    `  ${tier}  ${clip(prompt.replace(ANSWER_INSTRUCTION, ''), PROMPT_WIDTH)}  => ${clip(answer, ANSWER_WIDTH)}`;
  // Twins are shown under their probe, labelled "twin" (the same question made to flip its answer).
  const blocks = pairs.map((pair) =>
    [pair.id, ...PAIR_SLOTS.flatMap(({ slot }) => (pair[slot] ? [probeLine(slot.endsWith('Twin') ? 'twin' : slot, pair[slot].prompt, pair[slot].answer)] : []))].join('\n'),
  );
  io.stdout(`${family.id} (${family.domain}): ${family.title}, ${plural(pairs.length, 'pair')}\nrule: ${family.pairRule}\n`);
  if (family.reportedFailure) io.stdout(`${clip(`reported failure: ${family.reportedFailure.source}`, 110)}\n`);
  io.stdout('\n');
  io.stdout(`${blocks.join('\n')}\n`);
}

function validate(file: string, io: CommandIO): number {
  try {
    const suite = loadSuite(file);
    io.stdout(`ok: ${plural(suite.families.length, 'family')}, ${plural(suite.pairs.length, 'pair')} (suite ${suite.id}, version ${suite.version})\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof SuiteError)) throw error;
    const lines = error.issues.length > 0 ? error.issues.map(formatIssue) : [error.message];
    io.stderr(`${lines.join('\n')}\n`);
    return 1;
  }
}

export const probesCommand: Command = {
  name: 'probes',
  summary: 'list the families and pairs of a suite, validate a suite file, report probe health, or import a paired dataset',
  usage,
  async run(args, io) {
    const [action, ...rest] = args;
    if (action === 'list') {
      const { flags, positionals } = parseFlags(rest, listOptions, ListFlagsSchema, true);
      if (positionals.length > 0) throw new CliError(`list: unexpected argument "${positionals[0]}"`, 2);
      const suite = openSuite(flags.suite);
      if (flags.family) listPairs(suite, flags.family, io, flags.json ?? false);
      else listFamilies(suite, io, flags.json ?? false);
      return 0;
    }
    if (action === 'validate') {
      const { positionals } = parseFlags(rest, {}, z.object({}), true);
      if (positionals.length !== 1) throw new CliError('validate: give exactly one suite file, e.g. `sawtooth probes validate my-suite.yaml`', 2);
      return validate(positionals[0]!, io);
    }
    if (action === 'health') return probesHealth(rest, io);
    if (action === 'import') return importPairs(rest, io);
    throw new CliError(action ? `unknown action "${action}"${didYouMean(action, ['list', 'validate', 'health', 'import']) || ' (use list, validate, health or import)'}` : 'give an action: list, validate, health or import', 2);
  },
};
