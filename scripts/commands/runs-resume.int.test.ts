import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli, until } from '../../testing/cli/spawn-cli';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';

// The documented recovery after kill -9 / SIGTERM of `sawtooth eval`: `runs resume N` takes the run over at once
// (the dead holder is on this host), and names a live holder instead of answering "already running".
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-resume-'));
process.env.SAWTOOTH_DB = path.join(dir, 'sawtooth.db');
process.env.SAWTOOTH_CONFIG = path.join(dir, 'none.json');
const childEnv = { SAWTOOTH_DB: process.env.SAWTOOTH_DB, SAWTOOTH_CONFIG: process.env.SAWTOOTH_CONFIG };

const { main } = await import('../cli');
const { openDb } = await import('../../db/client');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

describe('runs resume after the eval process is gone', () => {
  let server: OpenAITestServer;
  const db = openDb(process.env.SAWTOOTH_DB!);
  const stored = (runId: number) => (db.$client.prepare('SELECT count(*) FROM results WHERE run_id = ?').pluck().get(runId) as number);
  const runOf = (stdout: string) => Number(/^run (\d+)$/m.exec(stdout)?.[1] ?? NaN);

  beforeAll(async () => {
    // The smoke suite (56 pairs, ~130 probes with twins) at 150 ms and concurrency 2 takes ≈ 10 s: surely mid-run when
    // the test stops it, and short enough that the resumed run does not dominate the suite's time.
    server = await startOpenAITestServer({ answer: () => 'The answer is 4.', latencyMs: 150 });
  });
  afterAll(async () => {
    db.$client.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`${signal}: resume takes the run over at once and completes it`, async () => {
      const evalChild = spawnCli(['eval', '--suite', 'smoke', '--base-url', server.url, '--model-name', `m-${signal}`, '--concurrency', '2'], childEnv);
      await until(() => !Number.isNaN(runOf(evalChild.stdout())) && stored(runOf(evalChild.stdout())) >= 4);
      const runId = runOf(evalChild.stdout());

      // While the eval lives, resume names its holder (pid, host, lease end) and changes nothing.
      const refused = await cli(['runs', 'resume', String(runId), '--queue-only']);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`pid ${evalChild.child.pid} on host ${hostname()} holds its lease until`);

      evalChild.child.kill(signal);
      await evalChild.exited;
      const expected = db.$client.prepare('SELECT expected FROM runs WHERE id = ?').pluck().get(runId) as number;
      expect(stored(runId)).toBeLessThan(expected);

      // The lease has not expired (15 s): before the fix this answered "run N is already running".
      const resumed = await cli(['runs', 'resume', String(runId)]);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stdout).toMatch(new RegExp(`run ${runId}: completed, ${expected}/${expected} answered`));
      expect(stored(runId)).toBe(expected);
    }, 600_000); // a bound for a busy machine (two CLI processes start and a run completes), not a timing assertion
  }
});
