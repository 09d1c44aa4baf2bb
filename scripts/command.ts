import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';

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
    throw new CliError((error as Error).message.replace(/\. To specify a positional.*$/s, ''), 2);
  }
  const result = schema.safeParse(parsed.values);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const flag = issue.path.length > 0 ? `--${issue.path.join('.')}` : 'flags';
    throw new CliError(`${flag}: ${issue.message}`, 2);
  }
  return { flags: result.data, positionals: parsed.positionals };
}
