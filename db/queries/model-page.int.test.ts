import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticSuite } from '../../testing/explore-fixtures/synthetic-suite';
import { seedRun, type SyntheticModel } from '../../testing/explore-fixtures/seed-results';
import { seededDatabase } from '../../testing/explore-fixtures/seeded-database';
import { describeEachBackend, type TestDatabase } from '../../testing/store-backends/backends';
import { closeDb, openDb } from '../client';
import { sqliteStore, type SqlRunner } from '../store';
import { evidenceTranscripts, runTickCounts, type EvidenceRequest, type Transcript } from './model-page';

// The model page's and the comparison's reads of single results, on both engines: the same rows as a plain reading
// of every result, and the plans that keep them bounded by the page (not by the model's other runs).
const suite = syntheticSuite({ families: 2, pairsPerFamily: 3 });

/** Outcomes that vary with the run, probe and sample, so "newest with the preferred outcome" picks differ. */
const mixed = (seed: number): SyntheticModel => ({ pairIndex, familyIndex, tier, sample }) => {
  const v = (seed * 7 + pairIndex * 5 + familyIndex * 3 + (tier === 'hard' ? 1 : 0) + sample * 2) % 5;
  return { outcome: v === 0 ? 'error' : v < 3 ? 'fail' : 'pass', ticks: undefined };
};
const ticking = (seed: number): SyntheticModel => (probe) => {
  const base = mixed(seed)(probe);
  return base.outcome === 'error' ? base : { ...base, ticks: 5 + ((seed + probe.pairIndex + probe.sample) % 4) };
};

interface Row extends Omit<Transcript, 'resultId' | 'runId' | 'modelId' | 'probeKey'> {
  id: number;
  run_id: number;
  model_id: string;
  probe_key: number;
  family_id: string;
  tier: 'easy' | 'hard';
}

describeEachBackend('model page reads', (dialect) => {
  let database: TestDatabase;
  let db: SqlRunner;
  const runs: Record<string, number[]> = { a: [], b: [], ctm: [] };
  let all: Row[] = [];

  beforeAll(async () => {
    database = await seededDatabase(dialect, async (seedDb) => {
      for (const [seed, samples] of [[1, 3], [2, 2], [3, 1]] as const) runs.a!.push(await seedRun(seedDb, { modelId: 'a', suite, samples, answer: mixed(seed) }));
      for (const [seed, samples] of [[4, 2], [5, 3]] as const) runs.b!.push(await seedRun(seedDb, { modelId: 'b', suite, samples, answer: mixed(seed) }));
      for (const [seed, samples] of [[6, 2], [7, 3]] as const) runs.ctm!.push(await seedRun(seedDb, { modelId: 'ctm', arch: 'ctm', suite, samples, answer: ticking(seed) }));
    });
    db = database.store;
    all = await db.all<Row>(sql`
      SELECT id, run_id, model_id, probe_key, family_id, tier, sample, outcome, response, extracted, reason, ticks FROM results`);
  });
  afterAll(() => database.drop());

  /** The evidence rule read off every stored result in plain code: preferred outcome, then graded, errors last; newest. */
  function referenceEvidence(wanted: readonly EvidenceRequest[], runIds?: readonly number[]): Map<string, Transcript> {
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

  const probeKeys = () => [...new Set(all.map((r) => r.probe_key))].sort((x, y) => x - y);
  const wantedOf = (models: readonly string[]): EvidenceRequest[] =>
    probeKeys().flatMap((probeKey, i) => models.map((modelId, j) => ({ modelId, probeKey, prefer: (['pass', 'fail', null] as const)[(i + j) % 3]! })));

  /**
   * The plans of every statement `fn` runs: SQLite's EXPLAIN QUERY PLAN on a fresh connection (its statement cache
   * empty, so every statement is prepared and seen); PostgreSQL's EXPLAIN with sequential scans priced out (these
   * tables hold a few hundred rows, where a scan is cheapest; at ten million the indexes are what the plan rests on).
   */
  async function plansOf(fn: (runner: SqlRunner) => Promise<unknown>): Promise<string[]> {
    if (dialect === 'sqlite') {
      const fresh = openDb(database.target);
      const client = fresh.$client;
      const prepare = client.prepare.bind(client);
      const seen: Array<{ text: string; params: unknown[] }> = [];
      client.prepare = ((text: string) => {
        const statement = prepare(text);
        const wrap = <F extends (...params: unknown[]) => unknown>(run: F) => ((...params: unknown[]) => (seen.push({ text, params }), run(...params))) as F;
        statement.all = wrap(statement.all.bind(statement));
        statement.get = wrap(statement.get.bind(statement));
        return statement;
      }) as typeof client.prepare;
      try {
        await fn(sqliteStore(fresh));
      } finally {
        client.prepare = prepare;
      }
      const plans = seen.map(({ text, params }) =>
        (prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join('\n'));
      closeDb(fresh);
      return plans;
    }
    const seen: SQL[] = [];
    const recording: SqlRunner = {
      dialect: 'pg',
      all: (query) => (seen.push(query), db.all(query)),
      get: (query) => (seen.push(query), db.get(query)),
      run: (query) => db.run(query),
      transaction: (body) => db.transaction(body),
    };
    await fn(recording);
    return db.transaction(async (tx) => {
      await tx.run(sql`SET LOCAL enable_seqscan = off`);
      const plans: string[] = [];
      for (const query of seen) plans.push((await tx.all<{ 'QUERY PLAN': string }>(sql`EXPLAIN ${query}`)).map((r) => r['QUERY PLAN']).join('\n'));
      return plans;
    });
  }

  describe('evidenceTranscripts', () => {
    it('picks the same sample as a plain reading of every result, within the named runs and without them', async () => {
      const wanted = wantedOf(['a', 'b', 'ctm']);
      for (const runIds of [[runs.a![1]!, runs.b![0]!, runs.ctm![1]!], [...runs.a!, ...runs.b!], [runs.b![1]!], undefined]) {
        const got = await evidenceTranscripts(db, wanted, runIds);
        expect(got, `runs ${runIds?.join(',') ?? 'all'}`).toEqual(referenceEvidence(wanted, runIds));
      }
      // Each model's sample comes from its own runs only; a probe of a model none of whose runs were named has none.
      const onlyB = await evidenceTranscripts(db, wanted, [runs.b![1]!]);
      expect([...onlyB.values()].every((t) => t.modelId === 'b' && t.runId === runs.b![1])).toBe(true);
      expect(onlyB.size).toBe(probeKeys().length);
    });

    it("reads a profile's runs by (run, probe), never the model's other runs' samples of the probe", async () => {
      const wanted = wantedOf(['a', 'b']);
      const plans = await plansOf((runner) => evidenceTranscripts(runner, wanted, [runs.a![2]!, runs.b![0]!]));
      expect(plans).toHaveLength(1);
      const plan = plans[0]!;
      if (dialect === 'sqlite') expect(plan).toMatch(/SEARCH r USING INDEX results_run_probe_sample_uq \(run_id=\? AND probe_key=\?\)/);
      else expect(plan).toMatch(/Index Scan using results_run_probe_sample_uq on results r[^\n]*\n\s+Index Cond: \(\(run_id = ru\.id\) AND \(probe_key = w\."probeKey"\)\)/);
      expect(plan).not.toMatch(/results_model_probe_idx/);
    });
  });

  describe('runTickCounts', () => {
    it('counts the ticks of graded answers of exactly the named runs', async () => {
      const named = [runs.ctm![0]!];
      const expected = new Map<string, number>();
      for (const r of all) {
        if (!named.includes(r.run_id) || r.ticks === null || !['pass', 'fail'].includes(r.outcome)) continue;
        const key = `${r.family_id}|${r.tier}|${r.ticks}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      const { runs: reporting, counts } = await runTickCounts(db, named);
      expect(reporting).toBe(1);
      expect(new Map(counts.map((c) => [`${c.family}|${c.tier}|${c.ticks}`, c.n]))).toEqual(expected);
      expect((await runTickCounts(db, runs.ctm!)).runs).toBe(2);
      expect(await runTickCounts(db, runs.a!)).toEqual({ runs: 0, counts: [] });
    });

    it("reads only the named runs' entries of the ticks index, never the table", async () => {
      const plans = await plansOf((runner) => runTickCounts(runner, [runs.ctm![1]!]));
      expect(plans).toHaveLength(2);
      for (const plan of plans) {
        if (dialect === 'sqlite') expect(plan).toMatch(/SEARCH results USING COVERING INDEX results_ticks_idx \(run_id=\?\)/);
        else expect(plan).toMatch(/Index Only Scan using results_ticks_idx on results/);
      }
      // A model without ticks: an empty range of that index, not its run's samples looked up one by one.
      const [llm] = await plansOf((runner) => runTickCounts(runner, [runs.a![0]!]));
      expect(llm).toMatch(dialect === 'sqlite' ? /COVERING INDEX results_ticks_idx \(run_id=\?\)/ : /Index Only Scan using results_ticks_idx/);
    });
  });
});
