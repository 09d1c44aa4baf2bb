import { describe, expect, it } from 'vitest';
import { main } from './cli';

async function cli(...args: string[]) {
  let stderr = '';
  const code = await main(args, { stdout: () => undefined, stderr: (s) => void (stderr += s) });
  return { code, stderr };
}

// The first call imports the eval command's modules: slow on a loaded machine, hence the generous limit.
describe('the CLI explains a bad command or flag in one line', { timeout: 60_000 }, () => {
  it('suggests the command or flag a typo meant', async () => {
    expect(await cli('evl')).toEqual({ code: 2, stderr: 'sawtooth: unknown command "evl" (did you mean "eval"?)\n' });
    expect(await cli('eval', '--suit', 'core')).toEqual({ code: 2, stderr: 'sawtooth eval: Unknown option \'--suit\' (did you mean "--suite"?)\n' });
    expect((await cli('frobnicate')).stderr).toMatch(/^sawtooth: unknown command "frobnicate" \(known: up, eval, /);
  });

  it('says what is wrong with a number, with the value given', async () => {
    expect((await cli('eval', '--suite', 'core', '--model', 'm', '--concurrency', '0')).stderr).toBe('sawtooth eval: --concurrency: must be at least 1 (got 0)\n');
    expect((await cli('eval', '--suite', 'core', '--model', 'm', '--samples', 'abc')).stderr).toBe('sawtooth eval: --samples: "abc" is not a number\n');
    expect((await cli('eval', '--suite', 'core', '--model', 'm', '--samples', '1.5')).stderr).toBe('sawtooth eval: --samples: must be a whole number (got 1.5)\n');
    expect((await cli('eval', '--suite', 'core', '--model', 'm', '--temperature', '3')).stderr).toBe('sawtooth eval: --temperature: must be at most 2 (got 3)\n');
  });
});
