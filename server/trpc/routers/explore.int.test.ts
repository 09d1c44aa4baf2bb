import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlRunner } from '../../../db/store';
import type { TestDatabase } from '../../../testing/store-backends/backends';

// This file's process gets its own SQLite file for the report route (env is read once per process; the route opens
// the server's store from it). The routers run on both engines, each on a database of its own.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-explore-'));
process.env.SAWTOOTH_DB = path.join(dir, 'sawtooth.db');
process.env.SAWTOOTH_CONFIG = path.join(dir, 'none.json');

const { openDb } = await import('../../../db/client');
const { runPairCounts } = await import('../../../db/queries/pair-tallies');
const { modelSummary, comparePairs, thinkingTime } = await import('../../../evals/metrics');
const { createCaller } = await import('../root');
const { syntheticSuite } = await import('../../../testing/explore-fixtures/synthetic-suite');
const { seedRun } = await import('../../../testing/explore-fixtures/seed-results');
const { seededDatabase } = await import('../../../testing/explore-fixtures/seeded-database');
const { describeEachBackend } = await import('../../../testing/store-backends/backends');
const { alpha, beta, gamma, ctm, XSS_RESPONSE } = await import('../../../testing/explore-fixtures/patterns');
const { GET: reportRoute } = await import('../../../app/api/report/route');
const { buildComparisonReport } = await import('../../explore/report/build-comparison-report');
const { publicModelsById } = await import('../../explore/public-model');

const FAMILIES = 4;
const PAIRS = 12;
const suite = syntheticSuite({ families: FAMILIES, pairsPerFamily: PAIRS });
const SUITE = suite.id;
const accuracy = (t: { acc: number | null; lo: number | null; hi: number | null; n: number }) => ({ acc: t.acc, lo: t.lo, hi: t.hi, n: t.n });

/** The four models every test reads: alpha, beta, gamma and a CTM, one run each. */
const seedModels = async (db: Parameters<typeof seedRun>[0]) => {
  await seedRun(db, { modelId: 'alpha', suite, answer: alpha });
  await seedRun(db, { modelId: 'beta', suite, answer: beta });
  await seedRun(db, { modelId: 'gamma', suite, answer: gamma });
  await seedRun(db, { modelId: 'ctm', arch: 'ctm', suite, answer: ctm });
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachBackend('explore routers', (dialect) => {
  let database: TestDatabase;
  let db: SqlRunner;
  let caller: ReturnType<typeof createCaller>;
  /** The reference tallies of a model's profile: its latest run, straight from the results. */
  const latestRunId = async (modelId: string) => (await db.get<{ id: number }>(sql`SELECT max(id) AS id FROM runs WHERE model_id = ${modelId}`))!.id;
  const modelPairCounts = async (modelId: string) => runPairCounts(db, await latestRunId(modelId));

  beforeAll(async () => {
    database = await seededDatabase(dialect, seedModels);
    db = database.store;
    caller = createCaller({ store: database.store });
  });
  afterAll(() => database.drop());

  describe('models router', () => {
    it('leaderboard: every model with the same numbers as modelSummary over its latest run\'s pair tallies', async () => {
      const { rows } = await caller.models.leaderboard({ suite: SUITE });
      expect(rows.map((r) => r.model.id).sort()).toEqual(['alpha', 'beta', 'ctm', 'gamma']);
      for (const row of rows) {
        const expected = modelSummary(await modelPairCounts(row.model.id));
        const { j, lo, hi } = expected.inversion;
        expect(row.profile!.inversion).toEqual({ j, lo, hi });
        expect(row.profile!.easy).toEqual(accuracy(expected.easy));
        expect(row.profile!.unevenness.u).toEqual(expected.unevenness.u);
        expect(row.profile!.runs).toEqual([await latestRunId(row.model.id)]);
        expect(row.rank).not.toBeNull();
        expect(row.lastRun?.status).toBe('completed');
        expect(row.sparkline).toHaveLength(FAMILIES * 2);
      }
      const alphaRow = rows.find((r) => r.model.id === 'alpha')!;
      // Easy fails on pairs 0, 3, 6, 9 of each family: 8 of 12 pass.
      expect(alphaRow.profile!.easy.acc).toBeCloseTo(8 / 12, 12);
      // The core leaderboard has no numbers for models that never ran core: suites never pool.
      expect((await caller.models.leaderboard()).rows.every((r) => r.profile === null)).toBe(true);
      expect(alphaRow.model.arch).toBe('llm');
      expect(rows.find((r) => r.model.id === 'ctm')!.model.arch).toBe('ctm');
    });

    it('a new run becomes the default profile; pooling both is explicit and lists them', async () => {
      const before = (await caller.models.leaderboard({ suite: SUITE })).rows.find((r) => r.model.id === 'gamma')!.profile!;
      const second = await seedRun(database.store, { modelId: 'gamma', suite, answer: () => ({ outcome: 'pass' }) });
      const after = (await caller.models.leaderboard({ suite: SUITE })).rows.find((r) => r.model.id === 'gamma')!.profile!;
      expect(after.runs).toEqual([second]);
      expect(after.counts.pass).toBe(FAMILIES * PAIRS * 2);
      const pooled = (await caller.models.get({ id: 'gamma', suite: SUITE, pool: true })).profile!;
      expect(pooled.runs).toEqual([...before.runs, second]);
      expect(pooled.counts.pass).toBe(before.counts.pass + FAMILIES * PAIRS * 2);
      const page = await caller.models.get({ id: 'gamma', suite: SUITE });
      expect(page.profile!.counts).toEqual(after.counts);
    });

    it('get: the summary, families and runs of one model; NOT_FOUND for an unknown id', async () => {
      const page = await caller.models.get({ id: 'alpha', suite: SUITE });
      expect(page.profile!.families).toHaveLength(FAMILIES);
      expect(page.points).toHaveLength(FAMILIES * 2);
      expect(page.runs).toHaveLength(1);
      await expect(caller.models.get({ id: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('jaggedPairs: the p(hard) > p(easy) pairs, paged and filtered, each with the evidence transcripts', async () => {
      // alpha: easy fails at i % 3 == 0, hard passes at even i → jagged at i = 0 and 6 in each family.
      const all = await caller.models.jaggedPairs({ id: 'alpha', suite: SUITE, limit: 50 });
      expect(all.total).toBe(FAMILIES * 2);
      expect(all.families).toHaveLength(FAMILIES);
      expect(all.items.map((p) => p.pairId.split('#')[1])).toEqual(Array.from({ length: FAMILIES }, () => ['000', '006']).flat());
      for (const pair of all.items) {
        expect(pair.easy.transcript?.outcome).toBe('fail');
        expect(pair.hard.transcript?.outcome).toBe('pass');
        expect(pair.hard.prompt).toMatch(/squared/);
        expect(pair.easy.p).toBe(0);
        expect(pair.hard.p).toBe(1);
      }
      expect(all.items.find((p) => p.pairId === `${suite.families[0]!.id}#000`)!.easy.transcript?.response).toBe(XSS_RESPONSE);

      const page2 = await caller.models.jaggedPairs({ id: 'alpha', suite: SUITE, limit: 3, offset: 3 });
      expect(page2.items.map((p) => p.pairId)).toEqual(all.items.slice(3, 6).map((p) => p.pairId));
      const family = all.families[1]!.id;
      const filtered = await caller.models.jaggedPairs({ id: 'alpha', suite: SUITE, family });
      expect(filtered.total).toBe(2);
      expect(filtered.items.every((p) => p.family === family)).toBe(true);
      expect((await caller.models.jaggedPairs({ id: 'beta', suite: SUITE, family: suite.families[1]!.id })).total).toBe(0);
    });

    it('thinkingTime: ticks per family and tier for a model that reports them, nothing for one that does not', async () => {
      const ticks = await caller.models.thinkingTime({ id: 'ctm', suite: SUITE });
      expect(ticks.runs).toBe(1);
      const expected = thinkingTime(suite.pairs.flatMap((pair, index) => {
        const i = index % PAIRS;
        return [{ family: pair.family, tier: 'easy' as const, ticks: 10 + i }, { family: pair.family, tier: 'hard' as const, ticks: 20 + i }];
      }));
      expect(ticks.families).toEqual(expected);
      expect(ticks.families[0]).toMatchObject({ tier: 'easy', n: PAIRS, mean: 15.5 });
      expect(await caller.models.thinkingTime({ id: 'alpha', suite: SUITE })).toEqual({ runs: 0, families: [] });
    });
  });

  describe('compare router', () => {
    it('get: profiles for the overlay and each model against the first, as comparePairs computes it', async () => {
      const view = await caller.compare.get({ models: ['alpha', 'beta', 'ctm'], suite: SUITE });
      expect(view.models.map((m) => m.model.id)).toEqual(['alpha', 'beta', 'ctm']);
      expect(view.models[0]!.points).toHaveLength(FAMILIES * 2);
      expect(view.comparisons.map((c) => [c.a, c.b])).toEqual([['alpha', 'beta'], ['alpha', 'ctm']]);
      const direct = comparePairs(await modelPairCounts('alpha'), await modelPairCounts('beta'));
      expect(view.comparisons[0]!.families).toEqual(direct.families);
      // beta passes all of family 1, where alpha fails 10 of 24 probes: a real difference; elsewhere they are equal.
      const verdicts = view.comparisons[0]!.families.map((f) => f.verdict);
      expect(verdicts).toEqual(view.comparisons[0]!.families.map((f) => (f.id === suite.families[1]!.id ? 'b better' : 'within noise')));
      // ctm answers exactly like alpha: every family within noise.
      expect(view.comparisons[1]!.families.every((f) => f.verdict === 'within noise' && f.delta === 0)).toBe(true);
    });

    it('get: refuses one model, five models, a duplicate, and unknown ids', async () => {
      await expect(caller.compare.get({ models: ['alpha'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(caller.compare.get({ models: ['alpha', 'beta', 'gamma', 'ctm', 'x'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(caller.compare.get({ models: ['alpha', 'alpha'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(caller.compare.get({ models: ['alpha', 'ghost'] })).rejects.toThrow(/unknown model: ghost/);
    });

    it('disagreements: probes one passes and another fails, filtered per model, paged on the server', async () => {
      const all = await caller.compare.disagreements({ models: ['alpha', 'beta'], suite: SUITE, limit: 100 });
      // Family 1: alpha fails easy at 0, 3, 6, 9 and hard at odd i (6 probes): 10 probes beta passes and alpha fails;
      // plus the first easy probe of family 0 (alpha's XSS answer).
      expect(all.total).toBe(11);
      expect(all.commonProbes).toBe(FAMILIES * PAIRS * 2);
      expect(all.items.every((row) => row.cells[0]!.majority === 'fail' && row.cells[1]!.majority === 'pass')).toBe(true);
      expect(all.items.filter((row) => row.family === suite.families[1]!.id)).toHaveLength(10);
      expect(all.families).toEqual([{ id: suite.families[0]!.id, n: 1 }, { id: suite.families[1]!.id, n: 10 }].sort((a, b) => (a.id < b.id ? -1 : 1)));
      expect(all.items[0]!.cells[1]!.transcript?.outcome).toBe('pass');
      expect(all.items[0]!.answer.length).toBeGreaterThan(0);

      expect((await caller.compare.disagreements({ models: ['alpha', 'beta'], suite: SUITE, filters: ['pass', 'any'] })).total).toBe(0);
      expect((await caller.compare.disagreements({ models: ['alpha', 'beta'], suite: SUITE, filters: ['fail', 'pass'] })).total).toBe(11);
      const paged = await caller.compare.disagreements({ models: ['alpha', 'beta'], suite: SUITE, limit: 4, offset: 8 });
      expect(paged.items.map((r) => r.probeId)).toEqual(all.items.slice(8).map((r) => r.probeId));
      expect((await caller.compare.disagreements({ models: ['alpha', 'beta'], suite: SUITE, family: suite.families[2]!.id })).total).toBe(0);
      await expect(caller.compare.disagreements({ models: ['alpha', 'beta'], suite: SUITE, filters: ['pass', 'fail', 'any'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    });
  });

  it('the HTML report of a comparison is built from the same views on this engine', async () => {
    const { found } = await publicModelsById(db, ['beta', 'alpha']);
    const html = await buildComparisonReport(db, found, SUITE, new Date(0));
    expect(html).toContain('Sawtooth comparison: beta vs alpha');
    expect(html.match(/<circle [^>]*data-tier="easy"/g)?.length).toBe(FAMILIES * 2);
    expect(html).toContain('within noise');
  });
});

// The route handler reads the server's store from this process's environment: the SQLite file set above.
describe('GET /api/report', () => {
  beforeAll(() => seedModels(openDb(process.env.SAWTOOTH_DB!)));

  it('downloads a self-contained HTML comparison: chart SVG, model names, no remote resources, responses escaped', async () => {
    const res = await reportRoute(new Request(`http://127.0.0.1/api/report?models=beta,alpha&suite=${SUITE}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="sawtooth-compare-synthetic-beta-vs-alpha\.html"/);
    const html = await res.text();
    expect(html).toMatch(/<svg class="sawtooth-chart"[^>]*>/);
    expect(html.match(/<circle [^>]*data-tier="easy"/g)?.length).toBe(FAMILIES * 2);
    expect(html).toContain('Sawtooth comparison: beta vs alpha');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;');
    expect(html).toContain('within noise');
  });

  it('answers 400 for a bad list and 404 for an unknown model, in one line', async () => {
    const one = await reportRoute(new Request('http://127.0.0.1/api/report?models=alpha'));
    expect(one.status).toBe(400);
    expect(await one.text()).toMatch(/^models: give 2 to 4 models\n$/);
    const ghost = await reportRoute(new Request('http://127.0.0.1/api/report?models=alpha,ghost'));
    expect(ghost.status).toBe(404);
    expect(await ghost.text()).toMatch(/unknown model: ghost/);
  });
});
