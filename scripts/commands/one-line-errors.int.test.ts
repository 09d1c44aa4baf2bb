import { sqliteStore } from '../../db/store';
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../testing/browser/next-server';
import { spawnCli, until } from '../../testing/cli/spawn-cli';
import { failureLine } from '../failure-line';

// Issue 12 item 8: foot-guns that ended in raw stack traces, a 500, or a run called "completed" with no answers.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-one-line-'));
const dbFile = path.join(dir, 'sawtooth.db');
process.env.SAWTOOTH_DB = dbFile;
process.env.SAWTOOTH_CONFIG = path.join(dir, 'none.json');
const env = { SAWTOOTH_DB: dbFile, SAWTOOTH_CONFIG: process.env.SAWTOOTH_CONFIG };

const { main } = await import('../cli');
const { openDb } = await import('../../db/client');
const { upsertModel } = await import('../../server/models/sync-models');
const { createRun } = await import('../../server/runner/create-run');
const { arithmeticModel, arithmeticSuite } = await import('../../testing/arithmetic-suite');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

describe('one clear line instead of a stack trace', () => {
  const db = openDb(dbFile);
  let runId = 0;

  beforeAll(async () => {
    // A model whose endpoint is dead: nothing listens on that port.
    await upsertModel(sqliteStore(db), arithmeticModel(`http://127.0.0.1:${await freePort()}/v1`));
    runId = await createRun(sqliteStore(db), { modelId: 'arith-model', suite: arithmeticSuite(6, 'dead-endpoint'), settings: { concurrency: 2, maxRetries: 0 } });
  });
  afterAll(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a run whose every probe errored ends failed, with the advice, not "completed"', async () => {
    expect((await cli(['worker', '--once'])).code).toBe(0);
    const run = db.$client.prepare('SELECT status, message FROM runs WHERE id = ?').get(runId) as { status: string; message: string };
    expect(run.status).toBe('failed');
    expect(run.message).toMatch(/^every probe errored \(12 × connection\): The endpoint could not be reached/);
  });

  it('export --out refuses the live database (and any SQLite file) and a missing folder', async () => {
    const before = readFileSync(dbFile);
    const live = await cli(['export', '--run', String(runId), '--format', 'csv', '--out', dbFile]);
    expect(live).toMatchObject({ code: 2, stderr: `sawtooth export: --out: ${dbFile} is the live database (SAWTOOTH_DB); write the export to another file\n` });
    expect(readFileSync(dbFile).equals(before)).toBe(true);
    const other = path.join(dir, 'other.db');
    new Database(other).exec('CREATE TABLE t (x)');
    expect((await cli(['export', '--run', String(runId), '--format', 'csv', '--out', other])).stderr).toMatch(/is an SQLite database; refusing to overwrite it/);
    const missing = await cli(['export', '--run', String(runId), '--format', 'csv', '--out', path.join(dir, 'nope', 'x.csv')]);
    expect(missing).toMatchObject({ code: 2, stderr: `sawtooth export: --out: the folder ${path.join(dir, 'nope')} does not exist\n` });
    mkdirSync(path.join(dir, 'out'));
    expect((await cli(['export', '--run', String(runId), '--format', 'csv', '--out', path.join(dir, 'out', 'x.csv')])).code).toBe(0);
  });

  it('a too-short SAWTOOTH_AUTH_TOKEN is one line naming the variable', async () => {
    const child = spawnCli(['runs', 'list'], { ...env, SAWTOOTH_AUTH_TOKEN: 'short' });
    expect(await child.exited).toBe(1);
    expect(child.stderr()).toBe('sawtooth runs: invalid environment: SAWTOOTH_AUTH_TOKEN: SAWTOOTH_AUTH_TOKEN must be at least 8 characters\n');
  });

  it('a full disk is one line that says nothing stored was lost', () => {
    const full = new Database(':memory:');
    full.exec('CREATE TABLE t (x)');
    full.pragma(`max_page_count = ${full.pragma('page_count', { simple: true }) as number}`);
    let thrown: unknown;
    try {
      full.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000));
    } catch (error) {
      thrown = error;
    }
    expect(failureLine(thrown)).toBe('the disk is full (SQLITE_FULL): free some space and try again; nothing stored was lost');
  });

  it('a YAML alias bomb is refused as a suite problem', async () => {
    const bomb = path.join(dir, 'bomb.yaml');
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    writeFileSync(bomb, `${levels.join('\n')}\nfamilies: *i\n`);
    const res = await cli(['probes', 'validate', bomb]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/bomb\.yaml:1: YAML: Excessive alias count/);
  });

  it('the checkpoint server answers 400 to /v1/models/%zz', async () => {
    const serve = spawnCli(['serve', '--port', '0'], {});
    try {
      await until(() => /^http:\/\/\S+$/m.test(serve.stdout()) || serve.child.exitCode !== null);
      const url = /^(http:\/\/\S+)$/m.exec(serve.stdout())![1]!;
      const res = await fetch(`${url}/v1/models/%zz`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/not valid percent-encoding/);
    } finally {
      serve.child.kill('SIGTERM');
      await serve.exited;
    }
  });
});
