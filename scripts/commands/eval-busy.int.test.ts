import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli, until } from '../../testing/cli/spawn-cli';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';

// Issue 12 item 2 as a user meets it: `sawtooth eval` is mid-run when another process (a large import) takes the
// database's write lock for longer than busy_timeout (10 s). Before the fix the eval died with a stack trace and
// lost its batch; now it reports the wait, keeps the batch, and completes with every result once the lock is gone.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-eval-busy-'));
const dbFile = path.join(dir, 'sawtooth.db');
const env = { SAWTOOTH_DB: dbFile, SAWTOOTH_CONFIG: path.join(dir, 'none.json') };

describe('sawtooth eval while another process holds the write lock', () => {
  let server: OpenAITestServer;

  beforeAll(async () => {
    server = await startOpenAITestServer({ answer: () => 'The answer is 4.', latencyMs: 10 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the wait, keeps its results in memory, and completes with all of them', async () => {
    const evalChild = spawnCli(['eval', '--suite', 'core', '--base-url', server.url, '--model-name', 'm', '--concurrency', '2'], env);
    const runId = () => Number(/^run (\d+)$/m.exec(evalChild.stdout())?.[1] ?? NaN);
    await until(() => !Number.isNaN(runId()));
    const other = new Database(dbFile);
    try {
      const stored = () => other.prepare('SELECT count(*) FROM results WHERE run_id = ?').pluck().get(runId()) as number;
      await until(() => stored() >= 2);
      other.exec('BEGIN IMMEDIATE');
      await until(() => /result\(s\) held in memory: the database is locked by another writer \(SQLITE_BUSY/.test(evalChild.stderr()) || evalChild.child.exitCode !== null);
      other.exec('COMMIT');
      expect(await evalChild.exited, evalChild.stderr()).toBe(0);
      expect(evalChild.stderr()).not.toMatch(/\n\s+at /); // no stack trace
      const run = other.prepare('SELECT status, expected FROM runs WHERE id = ?').get(runId()) as { status: string; expected: number };
      expect(run.status).toBe('completed');
      expect(stored()).toBe(run.expected);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      if (evalChild.child.exitCode === null) evalChild.child.kill('SIGKILL');
    }
  });
});
