import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { formatIssue, SuiteError, type SuiteIssue } from '../../evals/suites';
import { suiteIdFromFile } from '../../evals/suites/assemble-suite';
import { pairedSuiteFile, PairedImportOptionsSchema, type DatasetInput } from '../../evals/suites/paired-import';
import { CliError, parseFlags, type CommandIO } from '../command';
import { plural } from '../plural';

export const importUsage = `       sawtooth probes import --easy <file> --hard <file> --key <field> [--prompt <field>] [--answer <field>]
                              [--grader <kind>] [--family <id>] [--template <text>] [--title <text>] --out <suite.yaml>
       sawtooth probes import --file <file> [--key <field>] … --out <suite.yaml>

import    turns a paired easy/hard dataset into a suite file. Two files (CSV, JSONL, JSON or YAML) are matched by
          --key; one --file holds both tiers per record (easy_<field>/hard_<field> columns, or easy: {…} and
          hard: {…}). --prompt and --answer name the fields (default prompt, answer). --grader: numeric, yesno,
          exact, text, set, list or symbolic (default: numeric when every answer is a number, yesno when
          every answer is yes or no, else text).
          --template wraps every prompt, e.g. "{prompt} Give only the final number.". Other fields are kept
          under meta. Unmatched or duplicate keys are errors (file:line: field: message, nothing is written);
          a pair whose two answers are equal is a warning. --force overwrites an existing --out file.`;

const ImportFlagsSchema = z.object({
  easy: z.string().min(1).optional(),
  hard: z.string().min(1).optional(),
  file: z.string().min(1).optional(),
  key: z.string().min(1).optional(),
  prompt: z.string().min(1).optional(),
  answer: z.string().min(1).optional(),
  grader: PairedImportOptionsSchema.shape.grader,
  family: PairedImportOptionsSchema.shape.family,
  template: PairedImportOptionsSchema.shape.template,
  title: z.string().min(1).optional(),
  out: z.string({ error: 'required: the suite file to write, e.g. --out my-suite.yaml' }).regex(/\.ya?ml$/i, 'the suite file must end in .yaml or .yml'),
  force: z.boolean().optional(),
});
export const importOptions = {
  easy: { type: 'string' }, hard: { type: 'string' }, file: { type: 'string' }, key: { type: 'string' },
  prompt: { type: 'string' }, answer: { type: 'string' }, grader: { type: 'string' }, family: { type: 'string' },
  template: { type: 'string' }, title: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' },
} as const;

function readDataset(path: string, flag: string): { name: string; text: string } {
  try {
    return { name: path, text: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`--${flag}: ${code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path} (${code ?? String(error)})`}`, 2);
  }
}

const warningLine = (issue: SuiteIssue) => formatIssue({ ...issue, message: `warning: ${issue.message}` });

/** `sawtooth probes import`: a paired dataset → a validated suite file. */
export function importPairs(args: string[], io: CommandIO): number {
  const { flags, positionals } = parseFlags(args, importOptions, ImportFlagsSchema, true);
  if (positionals.length > 0) throw new CliError(`import: unexpected argument "${positionals[0]}" (files are given with --easy/--hard or --file)`, 2);
  let input: DatasetInput;
  if (flags.file) {
    if (flags.easy || flags.hard) throw new CliError('--file: give either --file (both tiers in one file) or --easy and --hard, not both', 2);
    input = { both: readDataset(flags.file, 'file') };
  } else {
    if (!flags.easy || !flags.hard) throw new CliError(`--${flags.easy ? 'hard' : 'easy'}: required (or give one --file holding both tiers)`, 2);
    if (!flags.key) throw new CliError('--key: required with --easy/--hard: the field that matches an easy record with its hard one', 2);
    input = { easy: readDataset(flags.easy, 'easy'), hard: readDataset(flags.hard, 'hard') };
  }
  if (existsSync(flags.out) && !flags.force) throw new CliError(`--out: ${flags.out} exists (add --force to overwrite it)`, 2);
  const options = {
    suiteId: suiteIdFromFile(flags.out),
    title: flags.title,
    key: flags.key,
    prompt: flags.prompt,
    answer: flags.answer,
    grader: flags.grader,
    family: flags.family,
    template: flags.template,
  };
  let result;
  try {
    result = pairedSuiteFile(input, options, flags.out);
  } catch (error) {
    if (!(error instanceof SuiteError)) throw error;
    // The generated file broke a suite rule (e.g. two pairs with the same prompt): name it as the suite would.
    io.stderr(`${(error.issues.length > 0 ? error.issues.map(formatIssue) : [error.message]).join('\n')}\n`);
    return 1;
  }
  for (const warning of result.warnings) io.stderr(`${warningLine(warning)}\n`);
  if (!result.ok) {
    io.stderr(`${result.issues.map(formatIssue).join('\n')}\n`);
    io.stderr(`nothing written: ${plural(result.issues.length, 'problem')}\n`);
    return 1;
  }
  writeFileSync(flags.out, result.text);
  const { suite } = result;
  io.stdout(`wrote ${flags.out}: ${plural(suite.pairs.length, 'pair')} in family ${suite.families[0]!.id} (suite ${suite.id}, version ${suite.version})\n`);
  io.stdout(`next: npx sawtooth eval --suite ${flags.out} --model <id>\n`);
  return 0;
}
