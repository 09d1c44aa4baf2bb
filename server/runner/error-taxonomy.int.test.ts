import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { sqliteStore } from '../../db/store';
import { runPairCounts } from '../../db/queries/pair-tallies';
import { runErrorKinds } from '../../db/queries/runs';
import type { ErrorKind } from '../../evals/contracts';
import { modelSummary } from '../../evals/metrics';
import { arithmeticAnswer, arithmeticModel, arithmeticSuite, exactly } from '../../testing/arithmetic-suite';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';
import type { Fault } from '../../testing/openai-test-server/faults';
import { upsertModel } from '../models/sync-models';
import { createRun } from './create-run';
import { adviceFor } from '../../evals/contracts/error-advice';
import { runErrorSummary } from './run-totals';
import { createWorker } from './create-worker';

// Every error kind of the taxonomy, produced by a real endpoint fault, goes through a run into the database: stored
// per result, counted per run, with advice for the person, and never counted as a wrong answer.

const FAULT_FOR_KIND: Array<[ErrorKind, Fault]> = [
  ['rate_limited', { type: 'status', status: 429, retryAfterMs: 5 }],
  ['timeout', { type: 'timeout' }],
  ['connection', { type: 'reset' }],
  ['server_error', { type: 'status', status: 503 }],
  ['bad_request', { type: 'status', status: 400 }],
  ['auth', { type: 'status', status: 401 }],
  ['not_found', { type: 'status', status: 404 }],
  ['content_filter', { type: 'refusal' }],
  ['truncated', { type: 'length', partial: 'Working it out: 3 + 4 = ' }],
  ['empty_answer', { type: 'empty' }],
  ['malformed_response', { type: 'malformed' }],
];
const RETRYABLE = new Set<ErrorKind>(['rate_limited', 'timeout', 'connection', 'server_error', 'malformed_response']);

describe('error taxonomy end to end', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-errors-'));
  const db = openDb(path.join(dir, 'sawtooth.db'));
  let server: OpenAITestServer;

  beforeAll(async () => {
    server = await startOpenAITestServer({ answer: arithmeticAnswer });
    await upsertModel(sqliteStore(db), arithmeticModel(server.url));
  });
  afterAll(async () => {
    db.$client.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores each kind on its result, counts it on the run, and leaves it out of the accuracy', async () => {
    const suite = arithmeticSuite(30, 'taxonomy');
    // Fault k hits the easy probe of pair k, on every attempt (retries included).
    const targets = FAULT_FOR_KIND.map(([kind, fault], i) => ({ kind, fault, probe: suite.pairs[i]!.easy }));
    server.setFaults(targets.map((t) => ({ match: exactly(t.probe.prompt), fault: t.fault })));
    const store = sqliteStore(db);
    const runId = await createRun(store, { modelId: 'arith-model', suite, settings: { concurrency: 6, maxRetries: 1, timeoutMs: 600 } });
    const worker = createWorker(store);
    await worker.runOnce(runId);

    const byProbe = new Map(
      (db.$client.prepare(`SELECT p.id AS probeId, r.outcome, r.error_kind AS kind, r.reason FROM results r JOIN probes p ON p.key = r.probe_key WHERE r.run_id = ?`)
        .all(runId) as Array<{ probeId: string; outcome: string; kind: string | null; reason: string }>).map((r) => [r.probeId, r]),
    );
    expect(byProbe.size).toBe(60);
    for (const t of targets) {
      const row = byProbe.get(t.probe.id)!;
      expect({ kind: t.kind, outcome: row.outcome, stored: row.kind }).toEqual({ kind: t.kind, outcome: 'error', stored: t.kind });
      expect(row.reason.length, t.kind).toBeGreaterThan(10);
      // Retryable kinds were retried once (maxRetries 1), the others asked once: retries live in the scheduler only.
      const asked = server.log().filter((e) => e.prompt === t.probe.prompt).length;
      expect({ kind: t.kind, asked }).toEqual({ kind: t.kind, asked: RETRYABLE.has(t.kind) ? 2 : 1 });
    }
    const untouched = [...byProbe.values()].filter((r) => !targets.some((t) => t.probe.id === r.probeId));
    expect(untouched.every((r) => r.outcome !== 'error')).toBe(true);

    // Counted per run: one of each kind, and the run's counter agrees.
    const counts = Object.fromEntries((await runErrorKinds(store, runId)).map((k) => [k.kind, k.n]));
    expect(counts).toEqual(Object.fromEntries(FAULT_FOR_KIND.map(([kind]) => [kind, 1])));
    const run = db.$client.prepare('SELECT status, error_count AS errors FROM runs WHERE id = ?').get(runId);
    expect(run).toEqual({ status: 'completed', errors: FAULT_FOR_KIND.length });
    for (const e of await runErrorSummary(store, runId)) expect(e.advice).toBe(adviceFor(e.kind).advice);

    // The metrics input: errors are not fails. The easy tier's accuracy is over the answered easy probes only.
    const summary = modelSummary(await runPairCounts(sqliteStore(db), runId));
    const easy = [...byProbe.values()].filter((r) => r.probeId.endsWith('/easy') && r.outcome !== 'error');
    const easyPass = easy.filter((r) => r.outcome === 'pass').length;
    expect(summary.counts.error).toBe(FAULT_FOR_KIND.length);
    expect(summary.easy.acc).toBeCloseTo(easyPass / easy.length, 12);
    expect(summary.excludedPairs).toBe(FAULT_FOR_KIND.length);
  });
});
