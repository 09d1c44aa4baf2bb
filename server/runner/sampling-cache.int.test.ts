import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { upsertModel } from '../../db/queries/models';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';
import { arithmeticAnswer, arithmeticModel, arithmeticSuite, exactly } from '../../testing/arithmetic-suite';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';
import { createRun } from './create-run';
import type { RunSettings } from './run-settings';
import { runTotals } from './run-totals';
import { createWorker } from './create-worker';
import type { Worker } from './worker';

// k samples with temperature and seed passed through; tokens and cost per result and per run; the opt-in response
// cache (hits cost nothing and never reach the endpoint; errors are never cached).

describeEachBackend('sampling, cost and the response cache', (dialect) => {
  let database: TestDatabase;
  let server: OpenAITestServer;
  let worker: Worker;
  const suite = arithmeticSuite(8, 'sampling');

  async function run(settings: Partial<RunSettings>) {
    const before = server.log().length;
    const { store } = database;
    const runId = await createRun(store, { modelId: 'arith-model', suite, settings: { concurrency: 4, ...settings } });
    await worker.runOnce(runId);
    const rows = await store.all<{ probe: number; sample: number; outcome: string; reason: string; pt: number; ct: number; cost: number; latency: number }>(sql`
      SELECT probe_key AS probe, sample, outcome, reason, prompt_tokens AS pt, completion_tokens AS ct, cost_usd AS cost, latency_ms AS latency
      FROM results WHERE run_id = ${runId} ORDER BY probe_key, sample`);
    const runRow = (await store.get<{ status: string; cost: number }>(sql`SELECT status, cost_usd AS cost FROM runs WHERE id = ${runId}`))!;
    return { runId, rows, runRow, requests: server.log().slice(before).filter((r) => r.path !== '/v1/models') };
  }

  beforeAll(async () => {
    server = await startOpenAITestServer({ answer: arithmeticAnswer, latencyMs: 5 });
    database = await freshDatabase(dialect);
    worker = createWorker(database.store);
    await upsertModel(database.store, arithmeticModel(server.url, { priceInput: 2, priceOutput: 8 }));
  });
  afterAll(async () => {
    await database?.drop();
    await server?.close();
  });

  it('asks each probe k times with the temperature and seed + sample index, and prices every answer', async () => {
    const { rows, runRow, requests, runId } = await run({ samples: 3, temperature: 0.7, seed: 100 });
    expect(runRow.status).toBe('completed');
    expect(rows).toHaveLength(16 * 3);
    expect(requests).toHaveLength(16 * 3);
    for (const probe of [...suite.pairs.flatMap((p) => [p.easy, p.hard])]) {
      const sent = requests.filter((r) => r.prompt === probe.prompt).map((r) => r.body as { seed: number; temperature: number });
      expect(sent.map((b) => b.seed).sort()).toEqual([100, 101, 102]);
      expect(sent.every((b) => b.temperature === 0.7)).toBe(true);
    }
    for (const r of rows) {
      expect(r.pt).toBeGreaterThan(0);
      expect(r.ct).toBeGreaterThan(0);
      expect(r.cost).toBeCloseTo((r.pt * 2 + r.ct * 8) / 1e6, 15);
      expect(r.latency).toBeGreaterThanOrEqual(4);
    }
    const sum = rows.reduce((s, r) => s + r.cost, 0);
    expect(runRow.cost).toBeCloseTo(sum, 12);
    const totals = await runTotals(database.store, runId);
    expect(totals.promptTokens).toBe(rows.reduce((s, r) => s + r.pt, 0));
    expect(totals.completionTokens).toBe(rows.reduce((s, r) => s + r.ct, 0));
    expect(totals.costUsd).toBeCloseTo(sum, 12);
    expect(totals.latencyP95Ms).toBeGreaterThanOrEqual(totals.latencyMeanMs! * 0.5);
  });

  it('serves a repeated run from the cache (no requests, no cost), but never a cached error', async () => {
    const refused = suite.pairs[0]!.hard.prompt;
    server.setFaults([{ match: exactly(refused), fault: { type: 'status', status: 400 } }]);
    const first = await run({ samples: 2, temperature: 0.3, seed: 5, cache: true });
    expect(first.requests).toHaveLength(32);
    expect(first.rows.filter((r) => r.outcome === 'error')).toHaveLength(2);
    expect(first.rows.every((r) => !r.reason.includes('response cache'))).toBe(true);

    server.setFaults([]);
    const second = await run({ samples: 2, temperature: 0.3, seed: 5, cache: true });
    // Only the refused probe's two samples were asked again (errors are not cached); everything else was a hit.
    expect(second.requests.map((r) => r.prompt)).toEqual([refused, refused]);
    const hits = second.rows.filter((r) => r.reason.includes('(answer from the response cache)'));
    expect(hits).toHaveLength(30);
    expect(hits.every((r) => r.cost === 0)).toBe(true);
    // Same answers, same grades as the run that paid for them.
    const firstOutcome = new Map(first.rows.map((r) => [`${r.probe}:${r.sample}`, r.outcome]));
    for (const r of hits) expect(r.outcome).toBe(firstOutcome.get(`${r.probe}:${r.sample}`));
    expect(second.rows.filter((r) => r.outcome === 'error')).toHaveLength(0);

    // Any other parameter is another key; without `cache` the cache is neither read nor written.
    expect((await run({ samples: 2, temperature: 0.4, seed: 5, cache: true })).requests).toHaveLength(32);
    expect((await run({ samples: 2, temperature: 0.3, seed: 5 })).requests).toHaveLength(32);
    expect((await run({ samples: 3, temperature: 0.3, seed: 5, cache: true })).requests).toHaveLength(16); // only sample 3 is new
  });
});
