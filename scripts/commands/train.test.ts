import { describe, expect, it } from 'vitest';
import { CliError } from '../command';
import { trainCommand } from './train';

const io = { stdout: () => {}, stderr: () => {} };

describe('sawtooth train flags', () => {
  it.each([
    [['--task', 'parity'], /--arch: required/],
    [['--arch', 'gru', '--task', 'parity'], /--arch/],
    [['--arch', 'ctm', '--task', 'parity', '--steps', '0'], /--steps/],
    [['--eval-only'], /--out: required with --eval-only/],
    [['--arch', 'ctm', '--task', 'parity', '--suite', 'core', '--exclude', 'x.json'], /--exclude: give --suite or --exclude/],
  ])('%j is a usage error', async (args, message) => {
    const run = trainCommand.run(args, io);
    await expect(run).rejects.toBeInstanceOf(CliError);
    await expect(trainCommand.run(args, io)).rejects.toThrow(message);
  });
});
