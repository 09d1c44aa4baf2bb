import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from './client';

const migrations = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-migrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database as migration 0004 left it: the migrations folder cut after that entry. */
function databaseAt0004(file: string): void {
  const old = path.join(dir, 'old-migrations');
  mkdirSync(path.join(old, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(migrations, 'meta', '_journal.json'), 'utf8'));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 4);
  writeFileSync(path.join(old, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) cpSync(path.join(migrations, `${e.tag}.sql`), path.join(old, `${e.tag}.sql`));
  const client = new Database(file);
  migrate(drizzle({ client }), { migrationsFolder: old });
  // A core suite and a UI-saved suite whose pair reused the core id and content: before 0005 they shared probe rows.
  client.exec(`
    INSERT INTO families (id, domain, title, description, pair_rule) VALUES ('algorithmic.addition', 'algorithmic', 'A', '', '');
    INSERT INTO models (id, label, model_name) VALUES ('m', 'M', 'm');
    INSERT INTO suites (key, id, version, title) VALUES (1, 'core', 'aaaaaaaaaaaaaaaa', 'Core'), (2, 'mine', 'bbbbbbbbbbbbbbbb', 'Mine');
    INSERT INTO probes (key, id, content_hash, family_id, domain, tier, prompt, answer, grader) VALUES
      (1, 'algorithmic.addition#000/easy', 'h1', 'algorithmic.addition', 'algorithmic', 'easy', '1+1', '2', '{"kind":"numeric"}'),
      (2, 'algorithmic.addition#000/hard', 'h2', 'algorithmic.addition', 'algorithmic', 'hard', '11+11', '22', '{"kind":"numeric"}');
    INSERT INTO suite_pairs (suite_key, pair_id, family_id, easy_probe_key, hard_probe_key, position) VALUES
      (1, 'algorithmic.addition#000', 'algorithmic.addition', 1, 2, 0), (2, 'algorithmic.addition#000', 'algorithmic.addition', 1, 2, 0);
    INSERT INTO runs (id, model_id, suite_key, status, settings, expected, pass_count, fail_count) VALUES
      (1, 'm', 1, 'completed', '{"samples":1,"temperature":0.5}', 2, 1, 1), (2, 'm', 2, 'completed', '{"samples":1}', 2, 0, 2);
    INSERT INTO results (run_id, model_id, probe_key, family_id, domain, tier, sample, outcome, reason, ticks) VALUES
      (1, 'm', 1, 'algorithmic.addition', 'algorithmic', 'easy', 1, 'pass', 'matches 2', 5),
      (1, 'm', 2, 'algorithmic.addition', 'algorithmic', 'hard', 1, 'fail', 'refusal: "I cannot"', 7),
      (2, 'm', 1, 'algorithmic.addition', 'algorithmic', 'easy', 1, 'fail', 'grader error (numeric): boom', NULL),
      (2, 'm', 2, 'algorithmic.addition', 'algorithmic', 'hard', 1, 'fail', 'expected 22, got 21', NULL);
  `);
  client.close();
}

describe('migration 0005 (suite-scoped probes, refusal outcome)', () => {
  const file = path.join(dir, 'old.db');
  databaseAt0004(file);
  const db = openDb(file);
  const sql = db.$client;

  it('keeps every result and gives each suite its own probe rows', () => {
    expect(sql.prepare('SELECT count(*) FROM results').pluck().get()).toBe(4);
    const probes = sql.prepare('SELECT key, suite_id AS suiteId, id FROM probes ORDER BY key').all() as Array<{ key: number; suiteId: string; id: string }>;
    expect(probes.map((p) => [p.suiteId, p.id])).toEqual([
      ['core', 'algorithmic.addition#000/easy'],
      ['core', 'algorithmic.addition#000/hard'],
      ['mine', 'algorithmic.addition#000/easy'],
      ['mine', 'algorithmic.addition#000/hard'],
    ]);
    const pairs = sql.prepare('SELECT suite_key AS s, easy_probe_key AS e, hard_probe_key AS h FROM suite_pairs ORDER BY suite_key').all();
    expect(pairs).toEqual([{ s: 1, e: 1, h: 2 }, { s: 2, e: 3, h: 4 }]);
    const byRun = sql.prepare('SELECT run_id AS run, probe_key AS probe FROM results ORDER BY run_id, probe_key').all();
    expect(byRun).toEqual([{ run: 1, probe: 1 }, { run: 1, probe: 2 }, { run: 2, probe: 3 }, { run: 2, probe: 4 }]);
  });

  it('turns stored refusals into refusals without ticks, grader exceptions into errors, and recounts the runs', () => {
    const outcomes = sql.prepare('SELECT outcome, error_kind AS kind, ticks FROM results ORDER BY id').all();
    expect(outcomes).toEqual([
      { outcome: 'pass', kind: null, ticks: 5 },
      { outcome: 'refusal', kind: null, ticks: null },
      { outcome: 'error', kind: 'grader_error', ticks: null },
      { outcome: 'fail', kind: null, ticks: null },
    ]);
    const runs = sql.prepare('SELECT pass_count AS p, fail_count AS f, error_count AS e, refusal_count AS r, temperature AS t FROM runs ORDER BY id').all();
    expect(runs).toEqual([{ p: 1, f: 0, e: 0, r: 1, t: 0.5 }, { p: 0, f: 1, e: 1, r: 0, t: null }]);
  });

  it('drops the counts pooled per (model, probe) and their triggers', () => {
    const left = sql.prepare(`SELECT name FROM sqlite_master WHERE name LIKE '%count%'`).pluck().all();
    expect(left).toEqual([]);
  });
});
