import { sql } from 'drizzle-orm';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnCli } from '../../testing/cli/spawn-cli';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';

// The documented recovery after kill -9 / SIGTERM of `sawtooth eval`: `runs resume N` takes the run over at once
// (the dead holder is on this host), and names a live holder instead of answering "already running". Every command
// is a real child process given the database through its environment, on both backends.

describeEachBackend('runs resume after the eval process is gone', (dialect) => {
  let server: OpenAITestServer;
  let database: TestDatabase;
  let childEnv: Record<string, string>;
  const stored = async (runId: number) => (await database.store.get<{ n: number }>(sql`SELECT count(*) AS n FROM results WHERE run_id = ${runId}`))!.n;
  async function cli(args: string[]) {
    const child = spawnCli(args, childEnv);
    const code = await child.exited;
    return { code, stdout: child.stdout(), stderr: child.stderr() };
  }
  const runOf = (stdout: string) => Number(/^run (\d+)$/m.exec(stdout)?.[1] ?? NaN);

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    childEnv = { ...database.env, SAWTOOTH_CONFIG: path.join(tmpdir(), 'sawtooth-resume-no-config.json') };
    // The smoke suite (56 pairs, ~130 probes with twins) at 150 ms and concurrency 2 takes ≈ 10 s: surely mid-run when
    // the test stops it, and short enough that the resumed run does not dominate the suite's time.
    server = await startOpenAITestServer({ answer: () => 'The answer is 4.', latencyMs: 150 });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`${signal}: resume takes the run over at once and completes it`, async () => {
      const evalChild = spawnCli(['eval', '--suite', 'smoke', '--base-url', server.url, '--model-name', `m-${signal}`, '--concurrency', '2'], childEnv);
      while (Number.isNaN(runOf(evalChild.stdout())) || (await stored(runOf(evalChild.stdout()))) < 4) await new Promise((r) => setTimeout(r, 50));
      const runId = runOf(evalChild.stdout());

      // While the eval lives, resume names its holder (pid, host, lease end) and changes nothing.
      const refused = await cli(['runs', 'resume', String(runId), '--queue-only']);
      expect(refused.code).toBe(1);
      // SQLite: the eval holds the run's lease; PostgreSQL: it holds a chunk of the run (server/queue/chunk-holders.ts).
      expect(refused.stderr).toContain(`pid ${evalChild.child.pid} on host ${hostname()} holds ${dialect === 'pg' ? 'chunk' : 'its lease until'}`);

      evalChild.child.kill(signal);
      await evalChild.exited;
      const expected = (await database.store.get<{ expected: number }>(sql`SELECT expected FROM runs WHERE id = ${runId}`))!.expected;
      expect(await stored(runId)).toBeLessThan(expected);

      // The lease has not expired (15 s): before the fix this answered "run N is already running".
      const resumed = await cli(['runs', 'resume', String(runId)]);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stdout).toMatch(new RegExp(`run ${runId}: completed, ${expected}/${expected} answered`));
      expect(await stored(runId)).toBe(expected);
    }, 600_000); // a bound for a busy machine (two CLI processes start and a run completes), not a timing assertion
  }
});
