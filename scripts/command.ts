import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { didYouMean } from './did-you-mean';

/** Where a command writes. Tests pass buffers; the CLI passes the process streams. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** One `sawtooth <name>` sub-command, in its own file under scripts/commands/. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. Throw CliError for a one-line, user-facing failure. */
  run(args: string[], io: CommandIO): Promise<number>;
}

/** A failure the user caused or can fix: printed as one line, no stack trace, exit code 2 (usage) or 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Parses flags with node's parseArgs, then validates them with a zod schema, so that every bad flag becomes one
 * CliError line that names the flag. (node:util is enough here: our commands are flat flag lists.)
 */
export function parseFlags<S extends z.ZodType>(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  schema: S,
  allowPositionals = false,
): { flags: z.infer<S>; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional.*$/s, '');
    const unknown = /^Unknown option '--([^']+)'/.exec(message);
    throw new CliError(unknown ? `${message}${didYouMean(unknown[1]!, Object.keys(options), '--')}` : message, 2);
  }
  const result = schema.safeParse(parsed.values);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const flag = issue.path.length > 0 ? `--${issue.path.join('.')}` : 'flags';
    const given = issue.path.length === 1 ? (parsed.values as Record<string, unknown>)[String(issue.path[0])] : undefined;
    throw new CliError(`${flag}: ${flagMessage(issue, given)}`, 2);
  }
  return { flags: result.data, positionals: parsed.positionals };
}

/**
 * A number flag's problem in words, with what was given ("must be at least 1 (got 0)", "\"abc\" is not a number"),
 * instead of zod's "expected number, received NaN". Other issues keep the schema's own message.
 */
function flagMessage(issue: z.core.$ZodIssue, given: unknown): string {
  const got = typeof given === 'string' ? ` (got ${given})` : '';
  if (issue.code === 'invalid_type' && issue.expected === 'number' && typeof given === 'string') return `"${given}" is not a number`;
  if (issue.code === 'invalid_type' && issue.expected === 'int') return `must be a whole number${got}`;
  if (issue.code === 'too_small' && issue.origin === 'number') return `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}${got}`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}${got}`;
  return issue.message;
}
