import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresForTests, startKeptCluster } from '.';

const binaries = postgresForTests();
const parent = mkdtempSync(path.join(tmpdir(), 'sawtooth-kept-'));
// As root the server runs as `postgres`, which must reach the folder (as it reaches the repository's .tmp/).
chmodSync(parent, 0o755);
afterAll(() => rmSync(parent, { recursive: true, force: true }));

function running(pid: number): boolean {
  const state = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return state !== '' && !state.startsWith('Z');
}

async function query(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!binaries)('kept PostgreSQL cluster (the benchmarks seeded databases)', () => {
  it('keeps its data across restarts and across stop and start, on a new postmaster each time', async () => {
    const dir = path.join(parent, 'cluster');
    const first = await startKeptCluster(dir, binaries);
    let stopped = false;
    try {
      await first.ensureDatabase('kept');
      await first.ensureDatabase('kept'); // a second call finds it
      await query(first.url('kept'), 'CREATE TABLE t (n int); INSERT INTO t VALUES (7)');
      const before = first.pid;
      await first.restart();
      expect(first.pid).not.toBe(before);
      expect(running(before)).toBe(false);
      expect(await query(first.url('kept'), 'SELECT n FROM t')).toEqual([{ n: 7 }]);
      await first.stop();
      stopped = true;
      expect(running(first.pid)).toBe(false);
    } finally {
      if (!stopped) await first.stop();
    }

    const second = await startKeptCluster(dir, binaries);
    try {
      expect(await query(second.url('kept'), 'SELECT n FROM t')).toEqual([{ n: 7 }]);
      await expect(second.ensureDatabase('no-dashes')).rejects.toThrow(/letters, digits and _ only/);
    } finally {
      await second.stop();
    }
  });
});
