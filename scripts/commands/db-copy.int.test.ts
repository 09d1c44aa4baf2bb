import Database from 'better-sqlite3';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../db/client';
import { sqliteStore } from '../../db/store';
import { closePg, migratePg, openPg } from '../../db/pg/client';
import { tablesInForeignKeyOrder } from '../../db/pg/copy/table-order';
import { storeCachedAnswer } from '../../db/queries/response-cache';
import { insertSessionRow } from '../../db/queries/sessions';
import { storeProfileRow } from '../../db/queries/profile-cache';
import { upsertUserSuite } from '../../db/queries/user-suites';
import { markChunkDone, startChunkedRun } from '../../db/queries/run-chunks';
import { heartbeatWorker } from '../../db/queries/worker-registry';
import { ensureRateSlots, takeRateSlot } from '../../db/queries/rate-slots';
import { spawnCli } from '../../testing/cli/spawn-cli';
import { freePort } from '../../testing/postgres/free-port';
import { postgresForTests, startThrowawayCluster, type ThrowawayCluster } from '../../testing/postgres';

const binaries = postgresForTests();
const tables = tablesInForeignKeyOrder().map((t) => getTableConfig(t));
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-dbcopy-'));
const source = path.join(dir, 'source.db');

async function cli(args: string[]) {
  const child = spawnCli(args, { SAWTOOTH_CONFIG: path.join(dir, 'none.json') });
  const code = await child.exited;
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}

async function pgQuery<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Every row of a table as comparable text: booleans as 0/1, JSON parsed (jsonb reorders keys), bigint as numbers. */
function canonical(rows: Array<Record<string, unknown>>, jsonColumns: string[]): string[] {
  return rows
    .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => {
      if (v === null) return [k, null];
      if (jsonColumns.includes(k)) return [k, typeof v === 'string' ? JSON.parse(v) : v];
      if (typeof v === 'boolean') return [k, v ? 1 : 0];
      if (typeof v === 'string' && /^-?\d+$/.test(v) && k.endsWith('_at')) return [k, Number(v)];
      return [k, v];
    }).map(([k, v]) => [k, v && typeof v === 'object' ? sortKeys(v) : v]))))
    .sort();
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortKeys(v)]));
  return value;
}

const fileHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe.skipIf(!binaries)('sawtooth db copy (real SQLite file, real PostgreSQL, the real CLI)', () => {
  let cluster: ThrowawayCluster;
  beforeAll(async () => {
    cluster = await startThrowawayCluster(binaries);
    const seeded = await cli(['seed', '--results', '3000', '--db', source]);
    expect(seeded.code, seeded.stderr).toBe(0);
    // The tables the seed leaves empty get rows through our own write paths, so every table is copied and compared.
    const db = openDb(source);
    await insertSessionRow(sqliteStore(db), { idHash: 'h'.repeat(64), tokenMac: 'm'.repeat(64), createdAt: 1_733_000_000_123, lastSeenAt: 1_733_000_000_456, expiresAt: 1_734_000_000_789 });
    await storeCachedAnswer(sqliteStore(db), 'k1', 'http://127.0.0.1:1/v1', 'm', JSON.stringify({ text: 'héllo "quoted" \\ ✓', usage: { b: 2, a: 1 }, list: [1, 2.5, null] }));
    await upsertUserSuite(sqliteStore(db), { id: 'mine', title: 'Mine', description: 'a user suite' }, 1);
    await storeProfileRow(sqliteStore(db), { modelId: 'seed-ctm', suiteKey: 1, runIds: [1, 2] }, { format: 3, stamp: 's', profile: '{}', tallies: '[]', createdAt: 1_733_000_000_000 });
    // The work-queue tables: a run planned into chunks (one done), a live worker, an endpoint's rate slots.
    const store = sqliteStore(db);
    db.$client.prepare("UPDATE runs SET status = 'queued' WHERE id = 1").run();
    await startChunkedRun(store, 1, [{ chunk: 0, firstPosition: 0, lastPosition: 9, jobId: 'job-0' }, { chunk: 1, firstPosition: 10, lastPosition: 19, jobId: 'job-1' }]);
    await markChunkDone(store, { runId: 1, chunk: 0, jobId: 'job-0', workerId: 'worker@h:1:abc' });
    await heartbeatWorker(store, { id: 'worker@h:1:abc', host: 'h', pid: 1, runId: 1, chunk: 1, ttlMs: 30_000 });
    await ensureRateSlots(store, 'http://127.0.0.1:1/v1', 3);
    await takeRateSlot(store, { endpoint: 'http://127.0.0.1:1/v1', limit: 3, windowMs: 1000 });
    closeDb(db);
  });
  afterAll(async () => {
    if (cluster) await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every table whole, prints the counts, and leaves the sequences past the copied keys', async () => {
    const url = await cluster.createDatabase('whole');
    const copied = await cli(['db', 'copy', '--from', source, '--to', url, '--batch', '700']);
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stdout).toMatch(/^results\s+3,000\s+3,000$/m);
    expect(copied.stdout).not.toContain(cluster.password);

    const lite = new Database(source, { readonly: true });
    for (const table of tables) {
      const columns = table.columns.map((c) => `"${c.name}"`).join(', ');
      const jsonColumns = table.columns.filter((c) => c.columnType === 'PgJsonb').map((c) => c.name);
      const fromSqlite = lite.prepare(`SELECT ${columns} FROM "${table.name}"`).all() as Array<Record<string, unknown>>;
      const fromPg = await pgQuery(url, `SELECT ${columns} FROM "${table.name}"`);
      expect(fromSqlite.length, `${table.name} has rows to copy`).toBeGreaterThan(0);
      expect(canonical(fromPg, jsonColumns), table.name).toEqual(canonical(fromSqlite, jsonColumns));
    }
    const maxResultId = lite.prepare('SELECT max(id) FROM results').pluck().get() as number;
    const maxRunId = lite.prepare('SELECT max(id) FROM runs').pluck().get() as number;
    lite.close();

    // The indexes and foreign keys dropped for the load are back, exactly as the migrations make them.
    const fresh = openPg(await cluster.createDatabase('fresh'));
    await migratePg(fresh);
    await closePg(fresh);
    const structure = `SELECT tablename || ' ' || indexdef AS d FROM pg_indexes WHERE schemaname = 'public'
      UNION ALL SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
      ORDER BY 1`;
    const copiedStructure = (await pgQuery<{ d: string }>(url, structure)).map((r) => r.d);
    expect(copiedStructure).toEqual((await pgQuery<{ d: string }>(url.replace('/whole', '/fresh'), structure)).map((r) => r.d));
    expect(copiedStructure.filter((d) => d.includes('FOREIGN KEY')).length).toBeGreaterThanOrEqual(8);
    expect(copiedStructure.some((d) => d.includes('results_ticks_idx') && d.includes('WHERE'))).toBe(true);

    // New rows without a key get the next one, not 1 (which would collide with a copied row).
    const [run] = await pgQuery<{ id: number }>(url, `INSERT INTO runs (model_id, suite_key, settings, expected) VALUES ('seed-ctm', 1, '{}', 1) RETURNING id`);
    expect(run!.id).toBe(maxRunId + 1);
    const [result] = await pgQuery<{ id: number }>(url, `INSERT INTO results (run_id, model_id, probe_key, family_id, domain, tier, sample, outcome, reason)
      SELECT $1, model_id, probe_key, family_id, domain, tier, 1, 'pass', 'added after the copy' FROM results LIMIT 1 RETURNING id`, [run!.id]);
    expect(result!.id).toBe(maxResultId + 1);

    // A second copy into the same database is refused, in one line, with nothing written.
    const again = await cli(['db', 'copy', '--from', source, '--to', url]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already holds data \(in .*results.*\).*nothing was written/);
    const [count] = await pgQuery<{ n: number }>(url, 'SELECT count(*)::int AS n FROM results');
    expect(count!.n).toBe(3001);
  });

  it('rolls the whole copy back when one row cannot be stored, naming the table, column and row', async () => {
    const broken = path.join(dir, 'broken.db');
    copyFileSync(source, broken);
    const db = new Database(broken);
    db.prepare(`UPDATE results SET response = 'a' || char(0) || 'b' WHERE id = (SELECT max(id) FROM results)`).run();
    const id = db.prepare('SELECT max(id) FROM results').pluck().get() as number;
    db.close();
    const url = await cluster.createDatabase('rolled_back');
    const failed = await cli(['db', 'copy', '--from', broken, '--to', url]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`results.response of row ${id} holds a NUL character`);
    // Families and probes went in before results did: the one transaction took them back out.
    for (const table of tables) {
      const [count] = await pgQuery<{ n: number }>(url, `SELECT count(*)::int AS n FROM "${table.name}"`);
      expect(count!.n, table.name).toBe(0);
    }
  });

  it('rolls back a copy whose source breaks a foreign key (checked once, after the load), naming the key', async () => {
    const dangling = path.join(dir, 'dangling.db');
    copyFileSync(source, dangling);
    const db = new Database(dangling);
    db.pragma('foreign_keys = OFF');
    db.prepare('UPDATE results SET run_id = 999999 WHERE id = (SELECT min(id) FROM results)').run();
    db.close();
    const url = await cluster.createDatabase('dangling');
    const failed = await cli(['db', 'copy', '--from', dangling, '--to', url]);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n').at(-1)).toMatch(/checking foreign key results_run_id_runs_id_fk of results: .*violates foreign key constraint/);
    const [count] = await pgQuery<{ n: number }>(url, 'SELECT count(*)::int AS n FROM results');
    expect(count!.n).toBe(0);
  });

  it('refuses a source with a column this version does not know, rather than drop it', async () => {
    const newer = path.join(dir, 'newer.db');
    copyFileSync(source, newer);
    const db = new Database(newer);
    db.exec(`ALTER TABLE runs ADD COLUMN priority INTEGER`);
    db.close();
    const failed = await cli(['db', 'copy', '--from', newer, '--to', await cluster.createDatabase('newer')]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/--from: runs has columns this version of sawtooth does not know \(priority\)/);
  });

  it('answers bad input with one line naming what is wrong, leaving the files as they were', async () => {
    const url = await cluster.createDatabase('bad_input');
    const notSqlite = path.join(dir, 'notes.txt');
    writeFileSync(notSqlite, 'just some text, not a database\n'.repeat(100));
    const otherSqlite = path.join(dir, 'other.db');
    const other = new Database(otherSqlite);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES (\'keep me\')');
    other.close();
    const before = { notSqlite: fileHash(notSqlite), otherSqlite: fileHash(otherSqlite) };
    const closedPort = await freePort();
    const cases: Array<[string[], RegExp]> = [
      [['--from', path.join(dir, 'missing.db'), '--to', url], /--from: no such file: .*missing\.db/],
      [['--from', notSqlite, '--to', url], /--from: .*notes\.txt is not an SQLite database/],
      [['--from', otherSqlite, '--to', url], /--from: .*other\.db is not a Sawtooth database \(no __drizzle_migrations, families, probes, models, runs, results tables\)/],
      [['--from', source, '--to', `postgres://sawtooth:x@127.0.0.1:${closedPort}/db`], /cannot reach PostgreSQL at postgres:\/\/sawtooth:\*\*\*@127\.0\.0\.1:\d+\/db: connection refused/],
      [['--from', source, '--to', url.replace(cluster.password, 'wrong-password')], /refused the credentials: password authentication failed for user "sawtooth"/],
      [['--from', source, '--to', url.replace('/bad_input', '/no_such_db')], /database "no_such_db" does not exist/],
      [['--from', source, '--to', 'mysql://127.0.0.1/x'], /--to: expected a postgres:\/\/ URL/],
      [['--from', source], /--to: required/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(['db', 'copy', ...args]);
      expect(run.code, args.join(' ')).not.toBe(0);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stderr).not.toContain(cluster.password);
    }
    expect({ notSqlite: fileHash(notSqlite), otherSqlite: fileHash(otherSqlite) }).toEqual(before);
    // Nothing reached the target: not even the migrations (every refusal came before them).
    const [tablesMade] = await pgQuery<{ n: number }>(url, `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tablesMade!.n).toBe(0);
  });
});
