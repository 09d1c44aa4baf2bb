import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../../testing/cli/spawn-cli';
import { freePort } from '../../testing/postgres/free-port';

// SAWTOOTH_DATABASE_URL switches every command to PostgreSQL: a wrong one is one line naming it (password hidden),
// and nothing falls back to the SQLite file silently.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-dburl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], databaseUrl: string) {
  const child = spawnCli(args, { SAWTOOTH_DATABASE_URL: databaseUrl, SAWTOOTH_DB: path.join(dir, 'unused.db'), SAWTOOTH_CONFIG: path.join(dir, 'none.json') });
  const code = await child.exited;
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}

describe('SAWTOOTH_DATABASE_URL that cannot be used', () => {
  it('names a server that does not answer, without its password, in one line', async () => {
    const port = await freePort();
    const { code, stderr } = await cli(['runs', 'list'], `postgres://sawtooth:secret-pw@127.0.0.1:${port}/sawtooth`);
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`cannot reach PostgreSQL at postgres://sawtooth:\\*\\*\\*@127\\.0\\.0\\.1:${port}/sawtooth: connection refused`));
    expect(stderr).not.toContain('secret-pw');
  });

  it('refuses a URL that is not PostgreSQL, naming the variable', async () => {
    const { code, stderr } = await cli(['runs', 'list'], 'mysql://root@localhost/db');
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('SAWTOOTH_DATABASE_URL must be a postgres:// (or postgresql://) URL');
  });
});
