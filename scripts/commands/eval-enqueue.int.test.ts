import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { loadSuite } from '../../evals/suites';
import { pairProbes } from '../../evals/contracts';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';
import { spawnCli } from '../../testing/cli/spawn-cli';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';

const noConfig = path.join(tmpdir(), 'sawtooth-enqueue-no-config.json');

describeEachBackend('sawtooth eval --enqueue', (dialect) => {
  let server: OpenAITestServer;
  let database: TestDatabase;
  const env = () => ({ ...database.env, SAWTOOTH_CONFIG: noConfig });
  beforeAll(async () => {
    server = await startOpenAITestServer({ answer: () => 'The answer is 4.' });
  });
  afterAll(async () => server.close());
  beforeEach(async () => {
    database = await freshDatabase(dialect);
  });
  afterEach(async () => database.drop());

  it('queues the run with its rate limit, prints "run <id>" and exits without a request; a worker then answers it', async () => {
    const before = server.requests();
    const cli = spawnCli(['eval', '--suite', 'smoke', '--base-url', server.url, '--model-name', 'm', '--rate-limit', '600/60', '--enqueue'], env());
    expect(await cli.exited, cli.stderr()).toBe(0);
    expect(cli.stdout()).toBe('run 1\n');
    expect(cli.stderr()).toContain('queued for the workers of');
    expect(server.requests()).toBe(before); // not even the preflight
    const run = await database.store.get<{ status: string; settings: string }>(sql`SELECT status, settings FROM runs WHERE id = 1`);
    expect(run?.status).toBe('queued');
    expect(JSON.parse(run!.settings)).toMatchObject({ rateLimit: { requests: 600, perSeconds: 60 } });

    const worker = spawnCli(['worker', '--once'], env());
    expect(await worker.exited, worker.stderr()).toBe(0);
    const probes = loadSuite('smoke').pairs.reduce((n, p) => n + pairProbes(p).length, 0);
    const done = await database.store.get<{ status: string; n: number }>(sql`
      SELECT r.status, (SELECT count(*) FROM results WHERE run_id = r.id) AS "n" FROM runs r WHERE r.id = 1`);
    expect(done).toEqual({ status: 'completed', n: probes });
    expect(server.log().filter((e) => e.path.endsWith('/chat/completions'))).toHaveLength(probes);
  });

  it('a bad --rate-limit is one line naming the flag and what is wrong, and queues nothing', async () => {
    const cli = spawnCli(['eval', '--suite', 'smoke', '--base-url', server.url, '--model-name', 'm', '--rate-limit', '0/60', '--enqueue'], env());
    expect(await cli.exited).toBe(2);
    expect(cli.stderr().trim().split('\n')).toHaveLength(1);
    expect(cli.stderr()).toContain('--rate-limit: "0/60": requests must be at least 1');
    expect(await database.store.get(sql`SELECT id FROM runs`)).toBeUndefined();
  });
});
