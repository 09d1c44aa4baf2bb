import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { sqliteStore } from '../../db/store';
import type { Suite } from '../../evals/contracts';
import { arithmeticAnswer, arithmeticModel, arithmeticSuite, exactly } from '../../testing/arithmetic-suite';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';
import type { FaultRule } from '../../testing/openai-test-server/faults';
import { DEFAULT_MAX_RESPONSE_CHARS } from '../providers';
import { upsertModel } from '../models/sync-models';
import { createRun } from './create-run';
import type { RunSettings } from './run-settings';
import { cutMarker } from './to-result-row';
import { createWorker } from './create-worker';

// Real API quirks, each injected by our test server, followed through a whole run into the stored result.

interface Stored {
  probeId: string;
  outcome: string;
  kind: string | null;
  response: string | null;
  reason: string;
  extracted: string | null;
}

describe('real API quirks, end to end through a run', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-quirks-'));
  const db = openDb(path.join(dir, 'sawtooth.db'));
  let server: OpenAITestServer;
  const store = sqliteStore(db);
  const worker = createWorker(store);

  async function runWith(modelId: string, suite: Suite, faults: FaultRule[], settings: Partial<RunSettings> = {}) {
    server.setFaults(faults);
    const before = server.log().length;
    const runId = await createRun(store, { modelId, suite, settings: { concurrency: 4, maxRetries: 0, ...settings } });
    await worker.runOnce(runId);
    const rows = db.$client
      .prepare(`SELECT p.id AS probeId, r.outcome, r.error_kind AS kind, r.response, r.reason, r.extracted
                FROM results r JOIN probes p ON p.key = r.probe_key WHERE r.run_id = ?`)
      .all(runId) as Stored[];
    return { runId, byProbe: new Map(rows.map((r) => [r.probeId, r])), requests: server.log().slice(before).filter((r) => r.path !== '/v1/models') };
  }

  beforeAll(async () => {
    server = await startOpenAITestServer({ answer: arithmeticAnswer });
    await upsertModel(store, arithmeticModel(server.url));
    await upsertModel(store, arithmeticModel(server.url, { id: 'arith-reasoner', modelName: 'arith-r1', reasoning: true, temperature: 0.6, maxTokens: 2048 }));
  });
  afterAll(async () => {
    db.$client.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reasoning models get max_completion_tokens and no temperature; reasoning_content is kept, not graded', async () => {
    const suite = arithmeticSuite(4, 'quirks-reasoning');
    const thinking = 'First add the units. Maybe the answer is 999999? No: carry the one.';
    const { byProbe, requests } = await runWith('arith-reasoner', suite, [{ fault: { type: 'reasoning', reasoning: thinking } }], { temperature: 0.9 });
    expect(requests).toHaveLength(8);
    for (const r of requests) {
      const body = r.body as Record<string, unknown>;
      expect(body.max_completion_tokens).toBe(2048);
      expect(body).not.toHaveProperty('max_tokens');
      expect(body).not.toHaveProperty('temperature');
    }
    for (const pair of suite.pairs) {
      const row = byProbe.get(pair.easy.id)!;
      // The transcript keeps the reasoning in a <think> block; the grade read only the answer (999999 was not taken).
      expect(row.response!.startsWith(`<think>${thinking}</think>`)).toBe(true);
      const said = /The answer is (-?\d+)/.exec(arithmeticAnswer(pair.easy.prompt))![1];
      expect(row.extracted, JSON.stringify(row)).toBe(said);
      expect(row.outcome).toBe(said === pair.easy.answer ? 'pass' : 'fail');
    }
  });

  it('empty content, a refusal, finish_reason length, a reset and malformed JSON become their error kinds', async () => {
    const suite = arithmeticSuite(6, 'quirks-errors');
    const faults: FaultRule[] = [
      { match: exactly(suite.pairs[0]!.easy.prompt), fault: { type: 'empty' } },
      { match: exactly(suite.pairs[1]!.easy.prompt), fault: { type: 'refusal' } },
      { match: exactly(suite.pairs[2]!.easy.prompt), fault: { type: 'length', partial: 'Working it out: 41 + 7 = 4' } },
      { match: exactly(suite.pairs[3]!.easy.prompt), fault: { type: 'reset' } },
      { match: exactly(suite.pairs[4]!.easy.prompt), fault: { type: 'malformed' } },
    ];
    const { byProbe } = await runWith('arith-model', suite, faults);
    const kindOf = (i: number) => byProbe.get(suite.pairs[i]!.easy.id)!;
    expect(kindOf(0)).toMatchObject({ outcome: 'error', kind: 'empty_answer' });
    expect(kindOf(1)).toMatchObject({ outcome: 'error', kind: 'content_filter' });
    expect(kindOf(1).reason).toMatch(/refused/);
    expect(kindOf(2)).toMatchObject({ outcome: 'error', kind: 'truncated' });
    expect(kindOf(2).reason).toMatch(/partial answer: "Working it out: 41 \+ 7 = 4"/);
    expect(kindOf(3)).toMatchObject({ outcome: 'error', kind: 'connection' });
    expect(kindOf(4)).toMatchObject({ outcome: 'error', kind: 'malformed_response' });
    expect(byProbe.get(suite.pairs[5]!.easy.id)!.outcome).not.toBe('error');
  });

  it('a very large answer is stored up to the limit, with a marker, and still graded', async () => {
    const suite = arithmeticSuite(1, 'quirks-huge');
    const { byProbe } = await runWith('arith-model', suite, [{ match: exactly(suite.pairs[0]!.easy.prompt), fault: { type: 'huge', chars: 250_000 } }]);
    const row = byProbe.get(suite.pairs[0]!.easy.id)!;
    const marker = cutMarker(DEFAULT_MAX_RESPONSE_CHARS);
    expect(row.response!.length).toBe(DEFAULT_MAX_RESPONSE_CHARS + marker.length);
    expect(row.response!.endsWith(marker)).toBe(true);
    expect(row.reason).toMatch(/stored cut at 100000 characters/);
    expect(row.outcome).not.toBe('error');
  });

  it('a slowly trickling body is read to the end within the deadline, and is a timeout past it', async () => {
    const suite = arithmeticSuite(2, 'quirks-slow');
    const { byProbe } = await runWith(
      'arith-model',
      suite,
      [
        { match: exactly(suite.pairs[0]!.easy.prompt), fault: { type: 'slow', chunkDelayMs: 40, chunks: 6 } },
        { match: exactly(suite.pairs[1]!.easy.prompt), fault: { type: 'slow', chunkDelayMs: 400, chunks: 8 } },
      ],
      { timeoutMs: 1_200 },
    );
    const slowButFine = byProbe.get(suite.pairs[0]!.easy.id)!;
    expect(slowButFine.outcome).not.toBe('error');
    expect(slowButFine.extracted).toBe(suite.pairs[0]!.easy.answer);
    expect(byProbe.get(suite.pairs[1]!.easy.id)).toMatchObject({ outcome: 'error', kind: 'timeout' });
  });
});
