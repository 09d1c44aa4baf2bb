import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticSuite } from '../../testing/explore-fixtures/synthetic-suite';
import { seedRun, type SyntheticModel } from '../../testing/explore-fixtures/seed-results';
import { closeDb, openDb, type Db } from '../client';
import { evidenceTranscripts, runTickCounts, type EvidenceRequest, type Transcript } from './model-page';

// The model page's and the comparison's reads of single results, on a real SQLite file: the same rows as a plain
// reading of every result, and the plans that keep them bounded by the page (not by the model's other runs).
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-model-page-'));
const suite = syntheticSuite({ families: 2, pairsPerFamily: 3 });
let db: Db;
const runs: Record<string, number[]> = { a: [], b: [], ctm: [] };

/** Outcomes that vary with the run, probe and sample, so "newest with the preferred outcome" picks differ. */
const mixed = (seed: number): SyntheticModel => ({ pairIndex, familyIndex, tier, sample }) => {
  const v = (seed * 7 + pairIndex * 5 + familyIndex * 3 + (tier === 'hard' ? 1 : 0) + sample * 2) % 5;
  return { outcome: v === 0 ? 'error' : v < 3 ? 'fail' : 'pass', ticks: undefined };
};
const ticking = (seed: number): SyntheticModel => (probe) => {
  const base = mixed(seed)(probe);
  return base.outcome === 'error' ? base : { ...base, ticks: 5 + ((seed + probe.pairIndex + probe.sample) % 4) };
};

beforeAll(() => {
  db = openDb(path.join(dir, 'sawtooth.db'));
  for (const [seed, samples] of [[1, 3], [2, 2], [3, 1]] as const) runs.a!.push(seedRun(db, { modelId: 'a', suite, samples, answer: mixed(seed) }));
  for (const [seed, samples] of [[4, 2], [5, 3]] as const) runs.b!.push(seedRun(db, { modelId: 'b', suite, samples, answer: mixed(seed) }));
  for (const [seed, samples] of [[6, 2], [7, 3]] as const) runs.ctm!.push(seedRun(db, { modelId: 'ctm', arch: 'ctm', suite, samples, answer: ticking(seed) }));
});
afterAll(() => {
  closeDb(db);
  rmSync(dir, { recursive: true, force: true });
});

interface Row extends Omit<Transcript, 'resultId' | 'runId' | 'modelId' | 'probeKey'> {
  id: number;
  run_id: number;
  model_id: string;
  probe_key: number;
  family_id: string;
  tier: 'easy' | 'hard';
}
const everyResult = () => db.$client.prepare('SELECT * FROM results').all() as Row[];

/** The evidence rule read off every stored result in plain code: preferred outcome, then graded, errors last; newest. */
function referenceEvidence(wanted: readonly EvidenceRequest[], runIds?: readonly number[]): Map<string, Transcript> {
  const all = everyResult();
  const out = new Map<string, Transcript>();
  for (const w of wanted) {
    const rank = (r: Row) => (r.outcome === w.prefer ? 0 : r.outcome === 'error' ? 2 : 1);
    const best = all
      .filter((r) => r.model_id === w.modelId && r.probe_key === w.probeKey && (!runIds || runIds.includes(r.run_id)))
      .sort((x, y) => rank(x) - rank(y) || y.id - x.id)[0];
    if (!best) continue;
    out.set(`${w.modelId}|${w.probeKey}`, {
      resultId: best.id, runId: best.run_id, modelId: best.model_id, probeKey: best.probe_key, sample: best.sample, outcome: best.outcome,
      response: best.response === null ? null : best.response.slice(0, 4000), extracted: best.extracted, reason: best.reason, ticks: best.ticks,
    });
  }
  return out;
}

/** Every statement `fn` prepares on this connection, with the plan SQLite chose for it given the same parameters. */
function plansOf(fn: () => void): string[] {
  const client = db.$client;
  const prepare = client.prepare.bind(client);
  const seen: Array<{ sql: string; params: unknown[] }> = [];
  client.prepare = ((sql: string) => {
    const statement = prepare(sql);
    const all = statement.all.bind(statement);
    const get = statement.get.bind(statement);
    statement.all = ((...params: unknown[]) => (seen.push({ sql, params }), all(...params))) as typeof statement.all;
    statement.get = ((...params: unknown[]) => (seen.push({ sql, params }), get(...params))) as typeof statement.get;
    return statement;
  }) as typeof client.prepare;
  try {
    fn();
  } finally {
    client.prepare = prepare;
  }
  return seen.map(({ sql, params }) =>
    (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join('\n'),
  );
}

const probeKeys = () => [...new Set(everyResult().map((r) => r.probe_key))].sort((x, y) => x - y);
const wantedOf = (models: readonly string[]): EvidenceRequest[] =>
  probeKeys().flatMap((probeKey, i) => models.map((modelId, j) => ({ modelId, probeKey, prefer: (['pass', 'fail', null] as const)[(i + j) % 3]! })));

describe('evidenceTranscripts', () => {
  it('picks the same sample as a plain reading of every result, within the named runs and without them', () => {
    const wanted = wantedOf(['a', 'b', 'ctm']);
    for (const runIds of [[runs.a![1]!, runs.b![0]!, runs.ctm![1]!], [...runs.a!, ...runs.b!], [runs.b![1]!], undefined]) {
      const got = evidenceTranscripts(db, wanted, runIds);
      expect(got, `runs ${runIds?.join(',') ?? 'all'}`).toEqual(referenceEvidence(wanted, runIds));
    }
    // Each model's sample comes from its own runs only; a probe of a model none of whose runs were named has none.
    const onlyB = evidenceTranscripts(db, wanted, [runs.b![1]!]);
    expect([...onlyB.values()].every((t) => t.modelId === 'b' && t.runId === runs.b![1])).toBe(true);
    expect(onlyB.size).toBe(probeKeys().length);
  });

  it("reads a profile's runs by (run, probe), never the model's other runs' samples of the probe", () => {
    const wanted = wantedOf(['a', 'b']);
    const plans = plansOf(() => evidenceTranscripts(db, wanted, [runs.a![2]!, runs.b![0]!]));
    expect(plans).toHaveLength(1);
    const plan = plans[0]!;
    expect(plan).toMatch(/SEARCH r USING INDEX results_run_probe_sample_uq \(run_id=\? AND probe_key=\?\)/);
    expect(plan).not.toMatch(/results_model_probe_idx/);
  });
});

describe('runTickCounts', () => {
  it('counts the ticks of graded answers of exactly the named runs', () => {
    const named = [runs.ctm![0]!];
    const expected = new Map<string, number>();
    for (const r of everyResult()) {
      if (!named.includes(r.run_id) || r.ticks === null || !['pass', 'fail'].includes(r.outcome)) continue;
      const key = `${r.family_id}|${r.tier}|${r.ticks}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const { runs: reporting, counts } = runTickCounts(db, named);
    expect(reporting).toBe(1);
    expect(new Map(counts.map((c) => [`${c.family}|${c.tier}|${c.ticks}`, c.n]))).toEqual(expected);
    expect(runTickCounts(db, runs.ctm!).runs).toBe(2);
    expect(runTickCounts(db, runs.a!)).toEqual({ runs: 0, counts: [] });
  });

  it("reads only the named runs' entries of the ticks index, never the table", () => {
    const plans = plansOf(() => runTickCounts(db, [runs.ctm![1]!]));
    expect(plans).toHaveLength(2);
    for (const plan of plans) expect(plan).toMatch(/SEARCH results USING COVERING INDEX results_ticks_idx \(run_id=\?\)/);
    // A model without ticks: an empty range of that index, not its run's samples looked up one by one.
    const [llm] = plansOf(() => runTickCounts(db, [runs.a![0]!]));
    expect(llm).toMatch(/COVERING INDEX results_ticks_idx \(run_id=\?\)/);
  });
});
