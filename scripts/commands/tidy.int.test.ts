import { sqliteStore } from '../../db/store';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';

// This file's process gets its own database file and config (env is read once per process).
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-tidy-'));
process.env.SAWTOOTH_DB = path.join(dir, 'sawtooth.db');
process.env.SAWTOOTH_CONFIG = path.join(dir, 'none.json');

const { main } = await import('../cli');
const { loadSuite } = await import('../../evals/suites');
const { pairProbes } = await import('../../evals/contracts');
const { openDb } = await import('../../db/client');
const { createCaller } = await import('../../server/trpc/root');

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

/** The run id and model of an `eval --json` (its last line is the profile object; `runs` lists the run ids). */
function eachRun(stdout: string): { runId: number; model: string } {
  const profile = JSON.parse(stdout.trim().split('\n').at(-1)!) as { runs: number[]; model: string };
  return { runId: profile.runs[0]!, model: profile.model };
}

const count = (sql: string, ...params: unknown[]) => {
  const db = openDb(process.env.SAWTOOTH_DB!);
  try {
    return (db.$client.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.$client.close();
  }
};

describe('tidying up and finding every result, from the CLI and the tRPC procedures the dashboard uses', () => {
  let server: OpenAITestServer;
  const smoke = loadSuite('smoke');
  const probeCount = smoke.pairs.flatMap(pairProbes).length;
  const answers = new Map(smoke.pairs.flatMap(pairProbes).map((p) => [p.prompt, p.answer] as const));
  // The first run's model knows every answer; the second one forgets the hard ones: the diff is exactly those.
  let forgetHard = false;
  const hardPrompts = new Set(smoke.pairs.map((p) => p.hard.prompt));

  beforeAll(async () => {
    server = await startOpenAITestServer({
      answer: (prompt) => (forgetHard && hardPrompts.has(prompt) ? 'No idea.' : `The answer is ${answers.get(prompt) ?? '?'}.`),
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an eval whose preflight fails creates nothing: no model, no run', async () => {
    const res = await cli('eval', '--suite', 'smoke', '--base-url', 'http://127.0.0.1:9/v1', '--model-name', 'ghost');
    expect(res.code).toBe(1);
    expect(count('SELECT count(*) AS n FROM models')).toBe(0);
    expect(count('SELECT count(*) AS n FROM runs')).toBe(0);
  });

  it('writes a self-describing run log that imports back, pages results with filters, and diffs two runs', async () => {
    const first = await cli('eval', '--suite', 'smoke', '--base-url', server.url, '--model-name', 'tidy', '--json', '--samples', '1');
    expect(first.code).toBe(0);
    forgetHard = true;
    const second = await cli('eval', '--suite', 'smoke', '--base-url', server.url, '--model-name', 'tidy', '--json');
    expect(second.code).toBe(0);
    const a = eachRun(first.stdout);
    const b = eachRun(second.stdout);
    expect(b.model).toBe(a.model);

    const out = path.join(dir, 'run.json');
    const logged = await cli('runs', 'log', String(a.runId), '--out', out);
    expect(logged.code).toBe(0);
    const log = JSON.parse(readFileSync(out, 'utf8'));
    expect(log.format).toBe('sawtooth-run-log');
    expect(log.suite).toEqual({ id: 'smoke', version: smoke.version });
    expect(log.run.settings.samples).toBe(1);
    expect(log.run.timings.wallSeconds).toBeGreaterThanOrEqual(0);
    expect(typeof log.codeRevision).toBe('string');
    expect(log.model).toMatchObject({ id: a.model, modelName: 'tidy', baseUrl: server.url });
    expect(log.results).toHaveLength(probeCount);
    expect(log.results.every((r: { outcome: string }) => r.outcome === 'pass')).toBe(true);

    const imported = await cli('import', out, '--model', 'tidy-copy');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`results for model tidy-copy \\(pass ${probeCount}, fail 0, error 0\\)`));

    const db = openDb(process.env.SAWTOOTH_DB!);
    const caller = createCaller({ store: sqliteStore(db) });
    const hardFails = await caller.runs.resultsPage({ id: b.runId, outcome: 'fail', tier: 'hard', limit: 5, offset: 0 });
    // Every hard probe was forgotten (twins, graded with their probe, may fail too).
    expect(hardFails.total).toBeGreaterThanOrEqual(smoke.pairs.length);
    expect(hardFails.rows).toHaveLength(5);
    const page2 = await caller.runs.resultsPage({ id: b.runId, outcome: 'fail', tier: 'hard', limit: 5, offset: 5 });
    expect(page2.rows.map((r) => r.id)).not.toContain(hardFails.rows[0]!.id);
    const family = smoke.families[0]!.id;
    const ofFamily = await caller.runs.resultsPage({ id: b.runId, family, limit: 200, offset: 0 });
    expect(ofFamily.total).toBe(smoke.pairs.filter((p) => p.family === family).flatMap(pairProbes).length);
    expect(hardFails.families).toEqual(smoke.families.map((f) => f.id).sort());
    const probe = smoke.pairs[3]!.easy;
    const search = await caller.runs.resultsPage({ id: b.runId, q: probe.prompt.slice(0, 40), limit: 50, offset: 0 });
    expect(search.rows.map((r) => r.probeId)).toContain(probe.id);
    const full = await caller.runs.transcript({ id: b.runId, resultId: search.rows[0]!.id });
    expect(full.response).toContain('The answer is');

    const diff = await caller.runs.diff({ before: a.runId, after: b.runId });
    expect(diff.changed.map((c) => c.probeId)).toEqual(expect.arrayContaining(smoke.pairs.map((p) => p.hard.id)));
    expect(diff.changed.every((c) => c.tier === 'hard')).toBe(true);
    expect(diff.changed[0]!.before).toEqual({ pass: 1, fail: 0, error: 0 });
    expect(diff.changed[0]!.after).toEqual({ pass: 0, fail: 1, error: 0 });
    expect(diff.same + diff.changed.length).toBe(probeCount);
    db.$client.close();
  });

  it('removes a run, renames and removes a model, so it leaves the leaderboard and every export', async () => {
    const db = openDb(process.env.SAWTOOTH_DB!);
    const caller = createCaller({ store: sqliteStore(db) });
    const modelId = (await caller.adminModels.list()).find((m) => m.modelName === 'tidy')!.id;
    const runs = (await caller.runs.list({ modelId })).map((r) => r.id).sort((x, y) => x - y);
    expect(runs).toHaveLength(2);

    expect((await cli('runs', 'remove', String(runs[0]))).stderr).toMatch(/add --yes to confirm/);
    const removedRun = await cli('runs', 'remove', String(runs[0]), '--yes');
    expect(removedRun.stdout).toBe(`removed run ${runs[0]} (${probeCount} results)\n`);
    expect(count('SELECT count(*) AS n FROM results WHERE run_id = ?', runs[0])).toBe(0);
    // The profile is recomputed from the run that is left (hard probes all failed in it).
    const left = (db.$client.prepare('SELECT count(*) AS n FROM results WHERE model_id = ?').get(modelId) as { n: number }).n;
    expect(left).toBe(probeCount);

    expect((await cli('models', 'rename', modelId, 'Tidy', 'model')).stdout).toBe(`renamed model ${modelId} to "Tidy model"\n`);
    expect((await caller.adminModels.get({ id: modelId })).label).toBe('Tidy model');

    const removed = await cli('models', 'remove', modelId, '--yes');
    expect(removed.stdout).toBe(`removed model ${modelId}: 1 run, ${probeCount} results\n`);
    expect(count('SELECT count(*) AS n FROM runs WHERE model_id = ?', modelId)).toBe(0);
    expect(count('SELECT count(*) AS n FROM results WHERE model_id = ?', modelId)).toBe(0);
    const board = await caller.models.leaderboard();
    expect(JSON.stringify(board)).not.toContain(modelId);
    expect(JSON.stringify(board)).toContain('tidy-copy');

    const unknown = await cli('models', 'remove', 'nope', '--yes');
    expect(unknown.stderr).toBe('sawtooth models: model "nope" not found\n');
    expect((await cli('models', 'remvoe', 'x')).stderr).toMatch(/did you mean "remove"/);
    db.$client.close();
  });
});
