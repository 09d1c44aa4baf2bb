import { sqliteStore } from '../../../db/store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/client';
import { startOpenAITestServer, type OpenAITestServer } from '../../../testing/openai-test-server';
import { createCaller } from '../root';
import { createWorker } from '../../runner/create-worker';

const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-runs-create-'));
const family = { id: 'arithmetic.tripling', domain: 'arithmetic', title: 'Tripling', description: 'Tripling a number.', pairRule: 'The hard probe triples a larger number: the same skill at more digits.' };

describe('runs.create and runs.page', () => {
  let db: Db;
  let server: OpenAITestServer;
  let caller: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    db = openDb(path.join(dir, 'runs.db'));
    caller = createCaller({ store: sqliteStore(db) });
    server = await startOpenAITestServer({ answer: (prompt) => `The answer is ${3 * Number(/(\d+)\?$/.exec(prompt)?.[1] ?? 0)}.` });
    for (const id of ['m1', 'm2']) {
      await caller.adminModels.create({ id, label: id, arch: 'llm', baseUrl: server.url, modelName: 'test-model', apiKeyEnv: null, temperature: null, maxTokens: null, systemPrompt: null, reasoning: false, priceInput: null, priceOutput: null });
    }
    for (const n of [4, 5, 6]) {
      await caller.probes.save({ suiteId: 'triples', newFamily: n === 4 ? family : undefined, draft: { family: family.id, easy: { prompt: `3 × ${n}?`, answer: String(3 * n) }, hard: { prompt: `3 × ${n * 111}?`, answer: String(3 * n * 111) }, grader: { kind: 'numeric' } } });
    }
  });
  afterAll(async () => {
    await server.close();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('queues one run per model on a user suite; a worker completes them; the page filters by status', async () => {
    const { runIds } = await caller.runs.create({ modelIds: ['m1', 'm2'], suiteId: 'triples', samples: 2, temperature: 0 });
    expect(runIds).toHaveLength(2);
    const queued = await caller.runs.page({ status: 'queued' });
    expect(queued.total).toBe(2);
    expect(queued.rows.map((r) => r.expected)).toEqual([12, 12]);

    const worker = createWorker(sqliteStore(db));
    while (await worker.runOnce()) { /* until both runs are done */ }
    const done = await caller.runs.page({ status: 'completed', limit: 1 });
    expect(done.total).toBe(2);
    expect(done.rows).toHaveLength(1);
    expect(done.rows[0]).toMatchObject({ passCount: 12, failCount: 0, errorCount: 0, suiteId: 'triples' });
    expect((await caller.runs.page({ ids: [runIds[0]!] })).rows.map((r) => r.id)).toEqual([runIds[0]]);
    expect((await caller.runs.page({ status: 'queued' })).total).toBe(0);
  });

  it('refuses an unknown model, a model without endpoint and an unknown suite', async () => {
    db.$client.prepare(`INSERT INTO models (id, label, model_name, origin) VALUES ('imported-only', 'x', 'x', 'import')`).run();
    await expect(caller.runs.create({ modelIds: ['nope'], suiteId: 'triples' })).rejects.toThrow(/unknown model "nope"/);
    await expect(caller.runs.create({ modelIds: ['imported-only'], suiteId: 'triples' })).rejects.toThrow(/no endpoint/);
    await expect(caller.runs.create({ modelIds: ['m1'], suiteId: 'no-such-suite' })).rejects.toThrow(/unknown suite/);
    await expect(caller.runs.create({ modelIds: [], suiteId: 'triples' })).rejects.toThrow(/at least one model/);
  });

  it('estimates requests, tokens and cost before a run, and asks to confirm a large hosted one', async () => {
    await caller.adminModels.create({ id: 'hosted', label: 'Hosted', arch: 'llm', baseUrl: 'https://api.example.com/v1', modelName: 'big', apiKeyEnv: 'EXAMPLE_API_KEY', temperature: null, maxTokens: 100, systemPrompt: null, reasoning: false, priceInput: 2, priceOutput: 8 });
    const [small] = await caller.runs.estimate({ modelIds: ['hosted'], suiteId: 'triples', samples: 1 });
    // 3 pairs × 2 probes: "3 × 4?" … (6 characters each) and "3 × 444?" … (8 each) = 42 characters ≈ 11 tokens.
    expect(small).toMatchObject({ hosted: true, requests: 6, promptTokens: 11, completionTokens: 600, confirm: false });
    expect(small!.costUsd).toBeCloseTo((11 * 2 + 600 * 8) / 1e6, 12);
    expect(small!.completionBasis).toBe('its max tokens (100)');
    const [big] = await caller.runs.estimate({ modelIds: ['hosted'], suiteId: 'core', samples: 2 });
    expect(big!.requests).toBeGreaterThanOrEqual(2000);
    expect(big!.confirm).toBe(true);
    const [local] = await caller.runs.estimate({ modelIds: ['m1'], suiteId: 'core', samples: 2 });
    expect(local).toMatchObject({ hosted: false, costUsd: null, confirm: false });
    // m1 has answered before: its own mean answer length is the basis.
    expect(local!.completionBasis).toMatch(/^its mean answer so far/);
  });
});
