import { sqliteStore } from '../../db/store';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';

// This file's process gets its own database file and config (env is read once per process).
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-profile-'));
process.env.SAWTOOTH_DB = path.join(dir, 'sawtooth.db');
process.env.SAWTOOTH_CONFIG = path.join(dir, 'none.json');

const { main } = await import('../cli');
const { loadSuite } = await import('../../evals/suites');
const { openDb } = await import('../../db/client');
const { createCaller } = await import('../../server/trpc/root');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}
const lastLine = (text: string) => text.trim().split('\n').at(-1)!;

/**
 * A deterministic model: on core it fails the easy probe of every third pair and the hard probe of every fifth; on
 * anything else (a saved pair, a generated suite) it answers wrong. Pooling any of those answers into the core
 * profile would move its numbers.
 */
function answerer() {
  const core = loadSuite('core');
  const right = new Map<string, string>();
  core.pairs.forEach((pair, i) => {
    if (i % 3 !== 0) right.set(pair.easy.prompt, pair.easy.answer);
    if (i % 5 !== 0) right.set(pair.hard.prompt, pair.hard.answer);
  });
  return (prompt: string) => (right.has(prompt) ? `The answer is ${right.get(prompt)}.` : 'The answer is 123456789.');
}

describe('one suite, one profile: the same object from eval --json, profile --json and the dashboard', () => {
  let server: OpenAITestServer;
  let caller: ReturnType<typeof createCaller>;
  let db: ReturnType<typeof openDb>;
  let first = '';
  let modelId = '';

  beforeAll(async () => {
    server = await startOpenAITestServer({ answer: answerer() });
    const run = await cli(['eval', '--suite', 'core', '--base-url', server.url, '--model-name', 'steady', '--concurrency', '16', '--json']);
    expect(run.code, run.stderr).toBe(0);
    first = lastLine(run.stdout);
    modelId = JSON.parse(first).model;
    db = openDb(process.env.SAWTOOTH_DB!);
    caller = createCaller({ store: sqliteStore(db) });
  });
  afterAll(async () => {
    await server.close();
    db?.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every place a core number is shown, as the exact JSON text of its profile. */
  async function coreEverywhere() {
    const cliProfile = await cli(['profile', '--model', modelId, '--json']);
    expect(cliProfile.code, cliProfile.stderr).toBe(0);
    const page = await caller.models.get({ id: modelId });
    const board = await caller.models.leaderboard({ suite: 'core' });
    return {
      cli: cliProfile.stdout.trim(),
      page: JSON.stringify(page.profile),
      leaderboard: JSON.stringify(board.rows.find((r) => r.model.id === modelId)!.profile),
    };
  }

  it('prints the stored profile: eval --json, profile --json and the model page are byte for byte the same', async () => {
    const profile = JSON.parse(first);
    expect(profile.suite.id).toBe('core');
    expect(profile.runs).toHaveLength(1);
    expect(profile.reliability.singleSample).toBe(true);
    const run = db.$client.prepare('SELECT temperature, samples FROM runs WHERE id = ?').get(profile.runs[0]);
    expect(run).toEqual({ temperature: 0, samples: 1 });
    expect(profile.families.every((f: { evaluated: boolean }) => f.evaluated)).toBe(true);
    expect(await coreEverywhere()).toEqual({ cli: first, page: first, leaderboard: first });
    // The temperature was sent explicitly on every request, 0 by default.
    const chats = server.log().filter((r) => r.path === '/v1/chat/completions');
    expect(chats.length).toBeGreaterThan(0);
    expect(chats.every((r) => (r.body as { temperature?: number }).temperature === 0)).toBe(true);
  });

  it('saving a pair that reuses a core id, and running it, changes no core number', async () => {
    const saved = await caller.probes.save({
      suiteId: 'my-probes',
      draft: {
        family: 'algorithmic.addition',
        key: '000',
        easy: { prompt: 'What is 2 + 2?', answer: '4' },
        hard: { prompt: 'What is 22 + 22?', answer: '44' },
        grader: { kind: 'numeric' },
      },
    });
    expect(saved.pairId).toBe('algorithmic.addition#000');
    const run = await cli(['eval', '--suite', 'my-probes', '--model', modelId, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(lastLine(run.stdout)).suite.id).toBe('my-probes');
    expect(await coreEverywhere()).toEqual({ cli: first, page: first, leaderboard: first });
    // Its probes are rows of its own suite: the core probe with the same id is untouched.
    const rows = db.$client.prepare(`SELECT suite_id AS suite FROM probes WHERE id = 'algorithmic.addition#000/easy' ORDER BY suite_id`).pluck().all();
    expect(rows).toEqual(['core', 'my-probes']);
  });

  it('generating a seeded suite with the same pair ids, and running it, changes no core number', async () => {
    const file = path.join(dir, 'generated.yaml');
    writeFileSync(
      file,
      [
        'id: generated',
        'title: Generated',
        'families:',
        '  - generator: arithmetic.fractions',
        '    seed: 99',
        '    count: 20',
        '  - generator: algorithmic.parity',
        '    seed: 99',
        '    count: 20',
        '',
      ].join('\n'),
    );
    const run = await cli(['eval', '--suite', file, '--model', modelId, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const generated = JSON.parse(lastLine(run.stdout));
    expect(generated.suite.id).toBe('generated');
    expect(await coreEverywhere()).toEqual({ cli: first, page: first, leaderboard: first });
    const other = await caller.models.get({ id: modelId, suite: 'generated' });
    expect(JSON.stringify(other.profile)).toBe(lastLine(run.stdout));
  });

  it('re-running the model leaves every core number unchanged; pooling is explicit and lists its runs', async () => {
    const again = await cli(['eval', '--suite', 'core', '--model', modelId, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const before = JSON.parse(first);
    const after = JSON.parse(lastLine(again.stdout));
    expect(after.runs).not.toEqual(before.runs);
    expect({ ...after, runs: null }).toEqual({ ...before, runs: null });
    const everywhere = await coreEverywhere();
    expect(everywhere).toEqual({ cli: lastLine(again.stdout), page: lastLine(again.stdout), leaderboard: lastLine(again.stdout) });

    const pooled = await cli(['profile', '--model', modelId, '--pool', '--json']);
    const pooledProfile = JSON.parse(pooled.stdout);
    expect(pooledProfile.runs).toEqual([...before.runs, ...after.runs]);
    expect(pooledProfile.reliability.samples).toEqual({ min: 2, max: 2 });
    expect(pooledProfile.reliability.singleSample).toBe(false);
    const viaPage = await caller.models.get({ id: modelId, pool: true });
    expect(JSON.stringify(viaPage.profile)).toBe(pooled.stdout.trim());
    const named = await cli(['profile', '--model', modelId, '--run', String(before.runs[0]), '--json']);
    expect(named.stdout.trim()).toBe(first);
  });

  it('refuses runs that cannot pool with one line naming what differs', async () => {
    const runOf = (suite: string) =>
      db.$client.prepare('SELECT r.id FROM runs r JOIN suites s ON s.key = r.suite_key WHERE s.id = ? ORDER BY r.id LIMIT 1').pluck().get(suite) as number;
    const core = runOf('core');
    const mine = runOf('my-probes');
    const mixed = await cli(['profile', '--model', modelId, '--run', String(core), '--run', String(mine)]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr.trim().split('\n')).toHaveLength(1);
    expect(mixed.stderr).toMatch(/different versions|never pool|suites never pool/);
    await expect(caller.models.get({ id: modelId, runs: [core, mine] })).rejects.toThrow(/pool/);
  });

  it('exports and the HTML report of a model take a suite and never mix suites', async () => {
    const exported = await cli(['export', '--model', modelId, '--suite', 'core', '--format', 'json']);
    expect(exported.code, exported.stderr).toBe(0);
    const rows = JSON.parse(exported.stdout) as Array<{ suite_id: string }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.suite_id))).toEqual(new Set(['core']));
  });
});
