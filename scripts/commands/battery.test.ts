import { describe, expect, it } from 'vitest';
import { main } from '../cli';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

describe('sawtooth battery', () => {
  it('prints one JSON result per model with --json', async () => {
    const { code, stdout } = await cli(['battery', '--replications', '20', '--model', 'jagged', '--json']);
    expect(code).toBe(0);
    const [result, ...rest] = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(rest).toHaveLength(0);
    expect(result).toMatchObject({ model: 'jagged', required: true, replications: 20, suite: { id: 'core' } });
    expect(result!.passRate).toBeGreaterThanOrEqual(0.9);
  }, 60_000); // 20 full verdicts; a limit for the shared box under load, not an assertion

  it('prints a table with the pass rate per model', async () => {
    const { code, stdout } = await cli(['battery', '--replications', '5', '--model', 'smooth']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^smooth\s+right 100\.0%/m);
    expect(stdout).toMatch(/^2 families cannot show a flip beyond guessing .*: commonsense\.turning-directions, algorithmic\.balanced-brackets$/m);
  });

  it('names a bad flag in one line', async () => {
    const bad = await cli(['battery', '--model', 'oracle']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toMatch(/^.*--model: must be one of coin-flipper, /);
    const few = await cli(['battery', '--replications', '0']);
    expect(few.stderr).toMatch(/--replications: /);
  });
});
