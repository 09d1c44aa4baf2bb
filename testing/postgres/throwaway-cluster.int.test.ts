import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresForTests, startThrowawayCluster } from '.';

const binaries = postgresForTests();

/** Whether the PID is a live process: gone, or a zombie its parent (here PID 1) has not reaped yet, is not. */
function running(pid: number): boolean {
  const state = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return state !== '' && !state.startsWith('Z');
}

describe.skipIf(!binaries)('throwaway PostgreSQL cluster', () => {
  it('starts on loopback with a password, makes databases, and stops by PID leaving nothing behind', async () => {
    const cluster = await startThrowawayCluster(binaries);
    let stopped = false;
    try {
      expect(existsSync(cluster.dir)).toBe(true);
      expect(running(cluster.pid)).toBe(true);
      expect(cluster.url).toMatch(/^postgres:\/\/sawtooth:[0-9a-f]+@127\.0\.0\.1:\d+\/postgres$/);
      const url = await cluster.createDatabase('made_here');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const row = (await client.query('SELECT current_database() AS db, inet_server_addr()::text AS addr')).rows[0];
      await client.end();
      expect(row).toEqual({ db: 'made_here', addr: '127.0.0.1/32' });

      const wrong = new pg.Client({ connectionString: url.replace(cluster.password, 'not-the-password') });
      await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);

      await cluster.stop();
      stopped = true;
      expect(running(cluster.pid)).toBe(false);
      const again = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
      await expect(again.connect()).rejects.toThrow(/ECONNREFUSED/);
      expect(existsSync(cluster.dir)).toBe(false);
    } finally {
      if (!stopped) await cluster.stop();
    }
  });
});
