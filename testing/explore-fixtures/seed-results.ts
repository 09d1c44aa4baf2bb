import type { Db } from '../../db/client';
import { sqliteStore, type SqlRunner } from '../../db/store';
import { markRunCompleted } from '../../db/queries/run-state';
import { suitePairRows } from '../../db/queries/suite-catalog';
import { suiteKeyOf } from '../../db/queries/suite-lookups';
import type { Outcome, Suite } from '../../evals/contracts';
import { upsertModel } from '../../server/models/sync-models';
import { createRun } from '../../server/runner/create-run';
import { ResultRecorder } from '../../server/runner/result-recorder';

/** What a synthetic model answers to sample `sample` of one probe. */
export interface SyntheticAnswer {
  outcome: Outcome;
  response?: string;
  ticks?: number;
}
export type SyntheticModel = (probe: { pairIndex: number; familyIndex: number; tier: 'easy' | 'hard'; sample: number; answer: string }) => SyntheticAnswer;

/**
 * Stores a completed run of `model` on `suite`, through the real run creation and the real batched recorder (which
 * keeps the run counters in step). The model's label is its id unless `label` is given. Returns the run id. `db` is a
 * store of either engine (or, for older callers, an open SQLite connection).
 */
export async function seedRun(
  db: SqlRunner | Db,
  opts: { modelId: string; label?: string; arch?: 'llm' | 'ctm' | 'transformer' | 'lstm'; suite: Suite; samples?: number; answer: SyntheticModel },
): Promise<number> {
  // A drizzle connection carries its client as $client; a store does not.
  const store: SqlRunner = '$client' in db ? sqliteStore(db) : db;
  await upsertModel(store, {
    id: opts.modelId, label: opts.label ?? opts.modelId, arch: opts.arch ?? 'llm', baseUrl: 'http://127.0.0.1:9/v1', modelName: opts.modelId, apiKeyEnv: null,
    temperature: null, maxTokens: null, systemPrompt: null, reasoning: false, priceInput: null, priceOutput: null, origin: 'cli',
  });
  const samples = opts.samples ?? 1;
  const runId = await createRun(store, { modelId: opts.modelId, suite: opts.suite, settings: { samples } });
  const keys = await suitePairRows(store, (await suiteKeyOf(store, opts.suite.id, opts.suite.version))!);
  const keyOf = new Map(keys.map((k) => [k.pairId, k]));
  const familyIndex = new Map(opts.suite.families.map((f, i) => [f.id, i]));
  const recorder = new ResultRecorder(store, { maxBatch: 5000, maxDelayMs: 1 });
  const perFamily = new Map<string, number>();
  for (const pair of opts.suite.pairs) {
    const pairIndex = perFamily.get(pair.family) ?? 0;
    perFamily.set(pair.family, pairIndex + 1);
    for (const tier of ['easy', 'hard'] as const) {
      const probe = pair[tier];
      for (let sample = 1; sample <= samples; sample++) {
        const a = opts.answer({ pairIndex, familyIndex: familyIndex.get(pair.family)!, tier, sample, answer: probe.answer });
        recorder.add({
          runId, modelId: opts.modelId, probeKey: keyOf.get(pair.id)![tier], familyId: pair.family,
          domain: pair.family.split('.')[0]!, tier, sample, outcome: a.outcome,
          errorKind: a.outcome === 'error' ? 'timeout' : null,
          response: a.outcome === 'error' ? null : (a.response ?? (a.outcome === 'pass' ? `The answer is ${probe.answer}.` : 'I am not sure.')),
          extracted: a.outcome === 'pass' ? probe.answer : null,
          reason: a.outcome === 'error' ? 'timed out' : a.outcome === 'pass' ? 'matches' : 'no number found',
          latencyMs: 10, promptTokens: 5, completionTokens: 5, costUsd: null, ticks: a.ticks ?? null,
          telemetry: a.ticks === undefined ? null : { ticksUsed: a.ticks },
        });
      }
    }
  }
  await recorder.storeNow();
  await markRunCompleted(store, runId, Date.now());
  return runId;
}
