import { CliError, type CommandIO } from './command';
import { commands, type CommandEntry } from './commands';
import { didYouMean } from './did-you-mean';
import { failureLine } from './failure-line';

const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `usage: sawtooth <command> [flags]\n\ncommands:\n${lines.join('\n')}\n\nsawtooth <command> --help shows a command's flags.\n`;
}

/** Entry point of `npx sawtooth`. Returns the exit code; never lets a stack trace reach the user for a CliError. */
export async function main(argv: string[], io: CommandIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name ? 0 : 2;
  }
  const entry: CommandEntry | undefined = commands.find((c) => c.name === name);
  if (!entry) {
    const known = commands.map((c) => c.name);
    const guess = didYouMean(name, known);
    io.stderr(`sawtooth: unknown command "${name}"${guess || ` (known: ${known.join(', ')})`}\n`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`sawtooth ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    const line = failureLine(error);
    if (line !== null) {
      io.stderr(`sawtooth ${name}: ${line}\n`);
      return 1;
    }
    throw error;
  }
}
