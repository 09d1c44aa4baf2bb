import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { probeCountsByModel } from '../../db/queries/pair-tallies';
import { arithmeticModel, arithmeticSuite } from '../../testing/arithmetic-suite';
import { upsertModel } from '../models/sync-models';
import { createRun } from './create-run';
import { ResultRecorder, type ResultRow } from './result-recorder';
import { retryRunErrors } from './run-control';

// probe_outcome_counts is what the dashboard aggregates; triggers on results keep it. After every kind of write it
// must equal a GROUP BY over the results themselves.

describe('per-(model, probe) outcome counts kept by triggers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-counts-'));
  const db = openDb(path.join(dir, 'sawtooth.db'));
  afterAll(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const fromResults = () =>
    db.$client
      .prepare(`SELECT model_id AS m, probe_key AS p, sum(outcome = 'pass') AS pass, sum(outcome = 'fail') AS fail, sum(outcome = 'error') AS error
                FROM results GROUP BY model_id, probe_key ORDER BY 1, 2`)
      .all();
  const fromCounts = () => db.$client.prepare('SELECT model_id AS m, probe_key AS p, pass, fail, error FROM probe_outcome_counts ORDER BY 1, 2').all();

  it('agree with the results after inserts, skipped duplicates, retry-errors, updates and deletes', () => {
    upsertModel(db, arithmeticModel('http://127.0.0.1:9/v1'));
    upsertModel(db, arithmeticModel('http://127.0.0.1:9/v1', { id: 'other-model' }));
    const suite = arithmeticSuite(10, 'counts');
    const runs = [createRun(db, { modelId: 'arith-model', suite, settings: { samples: 3 } }), createRun(db, { modelId: 'other-model', suite })];
    const probes = db.$client.prepare('SELECT key, family_id AS familyId, tier FROM probes').all() as Array<{ key: number; familyId: string; tier: 'easy' | 'hard' }>;
    const row = (runId: number, modelId: string, p: (typeof probes)[number], sample: number, outcome: ResultRow['outcome']): ResultRow => ({
      runId, modelId, probeKey: p.key, familyId: p.familyId, domain: 'synthetic', tier: p.tier, sample, outcome,
      errorKind: outcome === 'error' ? 'timeout' : null, response: null, extracted: null, reason: 'r', latencyMs: 1, promptTokens: null,
      completionTokens: null, costUsd: null, ticks: null, telemetry: null,
    });
    const recorder = new ResultRecorder(db);
    const outcomes = ['pass', 'fail', 'error'] as const;
    probes.forEach((p, i) => {
      for (let s = 1; s <= 3; s++) recorder.add(row(runs[0]!, 'arith-model', p, s, outcomes[(i + s) % 3]!));
      recorder.add(row(runs[1]!, 'other-model', p, 1, outcomes[i % 3]!));
    });
    // A duplicate (run, probe, sample) is skipped by the unique key: it must not be counted either.
    recorder.add(row(runs[0]!, 'arith-model', probes[0]!, 1, 'pass'));
    recorder.storeNow();
    expect(fromCounts()).toEqual(fromResults());
    expect(probeCountsByModel(db, ['arith-model']).get('arith-model')!.size).toBe(probes.length);

    db.$client.prepare('UPDATE runs SET status = ? WHERE id IN (?, ?)').run('completed', runs[0], runs[1]);
    expect(retryRunErrors(db, runs[0]!)).toBeGreaterThan(0);
    expect(fromCounts()).toEqual(fromResults());

    db.$client.prepare(`UPDATE results SET outcome = 'pass' WHERE run_id = ? AND outcome = 'fail'`).run(runs[1]);
    db.$client.prepare(`UPDATE results SET model_id = 'arith-model' WHERE run_id = ? AND probe_key = ?`).run(runs[1], probes[1]!.key);
    expect(fromCounts()).toEqual(fromResults());

    db.$client.prepare('DELETE FROM results WHERE run_id = ?').run(runs[1]);
    expect(fromCounts()).toEqual(fromResults());
    // No zero rows are left behind: a probe without results has no counts row (the pages read presence as "answered").
    expect(probeCountsByModel(db, ['other-model']).get('other-model')!.size).toBe(0);
  });
});
