import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { spawnCli, type CliChild } from '../../testing/cli/spawn-cli';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';

const noConfig = path.join(tmpdir(), 'sawtooth-workers-no-config.json');

async function until<T>(what: string, probe: () => Promise<T | null>, deadlineMs = 60_000): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describeEachBackend('sawtooth workers --json', (dialect) => {
  let database: TestDatabase;
  const children: CliChild[] = [];
  const env = () => ({ ...database.env, SAWTOOTH_CONFIG: noConfig });
  const listed = async () => {
    const cli = spawnCli(['workers', '--json'], env());
    expect(await cli.exited, cli.stderr()).toBe(0);
    return JSON.parse(cli.stdout()) as Array<{ id: string; host: string; pid: number; runId: number | null; chunk: number | null; heartbeatAgeMs: number }>;
  };
  beforeEach(async () => {
    database = await freshDatabase(dialect);
  });
  afterEach(async () => {
    for (const c of children.splice(0)) {
      if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
      await c.exited;
    }
    await database.drop();
  });

  it('lists a running worker process (host, pid, idle) and forgets it once it stops', async () => {
    expect(await listed()).toEqual([]);
    const worker = spawnCli(['worker'], env());
    children.push(worker);
    const [row] = await until('the worker to appear', async () => {
      const rows = await listed();
      return rows.length > 0 ? rows : null;
    });
    expect(row).toMatchObject({ pid: worker.child.pid, runId: null, chunk: null });
    expect(row!.id).toMatch(new RegExp(`^worker@.+:${worker.child.pid}:`));
    expect(row!.heartbeatAgeMs).toBeLessThan(30_000);
    worker.child.kill('SIGTERM');
    expect(await worker.exited, worker.stderr()).toBe(0);
    expect(await listed()).toEqual([]);
  });

  it('a plain listing says when there is no live worker', async () => {
    const cli = spawnCli(['workers'], env());
    expect(await cli.exited).toBe(0);
    expect(cli.stdout()).toBe('no live workers (start one with: npx sawtooth worker)\n');
  });
});
