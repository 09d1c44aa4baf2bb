import type { Db } from '../client';

/** Sample counts of one probe, pooled over every run of a model. */
export interface ProbeCounts {
  pass: number;
  fail: number;
  error: number;
}
export interface PairCounts {
  pairId: string;
  family: string;
  domain: string;
  easyKey: number;
  hardKey: number;
  easy: ProbeCounts;
  hard: ProbeCounts;
}

/** A pair's counts as the two queries below select them (easy e*, hard h*: pass, fail, error). */
interface PairCountRow {
  pairId: string; family: string; domain: string; easyKey: number; hardKey: number;
  ep: number; ef: number; ee: number; hp: number; hf: number; he: number;
}

function toPairCounts(r: PairCountRow): PairCounts {
  return {
    pairId: r.pairId, family: r.family, domain: r.domain, easyKey: r.easyKey, hardKey: r.hardKey,
    easy: { pass: r.ep, fail: r.ef, error: r.ee },
    hard: { pass: r.hp, fail: r.hf, error: r.he },
  };
}

/**
 * Per-pair sample counts of one model, over all its runs, straight from the results (an index-only scan of
 * results(model_id, probe_key, outcome)). The dashboard reads the trigger-kept probe_outcome_counts instead
 * (probeCountsByModel + pairsFromCounts); tests use this direct query as the independent reference.
 */
export function modelPairCounts(db: Db, modelId: string, opts: { suiteId?: string } = {}): PairCounts[] {
  const rows = db.$client
    .prepare(
      `WITH t AS (
         SELECT probe_key,
                sum(outcome = 'pass') AS pass, sum(outcome = 'fail') AS fail, sum(outcome = 'error') AS error
         FROM results WHERE model_id = @modelId GROUP BY probe_key)
       SELECT DISTINCT sp.pair_id AS pairId, sp.family_id AS family, f.domain AS domain,
              sp.easy_probe_key AS easyKey, sp.hard_probe_key AS hardKey,
              e.pass AS ep, e.fail AS ef, e.error AS ee, h.pass AS hp, h.fail AS hf, h.error AS he
       FROM suite_pairs sp
       JOIN t e ON e.probe_key = sp.easy_probe_key
       JOIN t h ON h.probe_key = sp.hard_probe_key
       JOIN families f ON f.id = sp.family_id
       ${opts.suiteId ? 'JOIN suites s ON s.key = sp.suite_key AND s.id = @suiteId' : ''}
       ORDER BY f.domain, sp.family_id, sp.pair_id`,
    )
    .all({ modelId, suiteId: opts.suiteId ?? null }) as PairCountRow[];
  return rows.map(toPairCounts);
}

/** Per-pair sample counts of one run only (what `sawtooth eval` summarises). */
export function runPairCounts(db: Db, runId: number): PairCounts[] {
  const rows = db.$client
    .prepare(
      `WITH t AS (
         SELECT probe_key,
                sum(outcome = 'pass') AS pass, sum(outcome = 'fail') AS fail, sum(outcome = 'error') AS error
         FROM results WHERE run_id = @runId GROUP BY probe_key)
       SELECT sp.pair_id AS pairId, sp.family_id AS family, f.domain AS domain,
              sp.easy_probe_key AS easyKey, sp.hard_probe_key AS hardKey,
              coalesce(e.pass, 0) AS ep, coalesce(e.fail, 0) AS ef, coalesce(e.error, 0) AS ee,
              coalesce(h.pass, 0) AS hp, coalesce(h.fail, 0) AS hf, coalesce(h.error, 0) AS he
       FROM runs r
       JOIN suite_pairs sp ON sp.suite_key = r.suite_key
       JOIN families f ON f.id = sp.family_id
       LEFT JOIN t e ON e.probe_key = sp.easy_probe_key
       LEFT JOIN t h ON h.probe_key = sp.hard_probe_key
       WHERE r.id = @runId
       ORDER BY f.domain, sp.family_id, sp.position`,
    )
    .all({ runId }) as PairCountRow[];
  return rows.map(toPairCounts);
}

/** One pair of the catalogue: which probe versions it joins, in which suite version. */
export interface CatalogPair {
  pairId: string;
  family: string;
  domain: string;
  easyKey: number;
  hardKey: number;
  suiteKey: number;
}

/**
 * Every pair of every stored suite version. Small (thousands of rows, never results), so callers join it to the
 * results' per-probe counts in memory instead of asking SQLite to join a million-row aggregate per model.
 */
export function pairCatalog(db: Db): CatalogPair[] {
  return db.$client
    .prepare(
      `SELECT sp.pair_id AS pairId, sp.family_id AS family, f.domain AS domain, sp.easy_probe_key AS easyKey,
              sp.hard_probe_key AS hardKey, sp.suite_key AS suiteKey
       FROM suite_pairs sp JOIN families f ON f.id = sp.family_id`,
    )
    .all() as CatalogPair[];
}

/** Sample counts per probe of each model: model id → probe key → counts. */
export type ProbeCountsByModel = Map<string, Map<number, ProbeCounts>>;

/**
 * Per-probe outcome counts of the given models, from probe_outcome_counts (kept exact by triggers on results, see
 * db/schema/cache.ts): about a thousand rows per model, where scanning results(model_id, probe_key, outcome) read
 * every one of the model's results (a million-result leaderboard spent ~40% of its time there).
 */
export function probeCountsByModel(db: Db, modelIds: readonly string[]): ProbeCountsByModel {
  const statement = db.$client.prepare(
    `SELECT probe_key AS probeKey, pass, fail, error FROM probe_outcome_counts WHERE model_id = ?`,
  );
  const byModel: ProbeCountsByModel = new Map();
  for (const modelId of modelIds) {
    const counts = new Map<number, ProbeCounts>();
    for (const row of statement.iterate(modelId) as Iterable<{ probeKey: number } & ProbeCounts>) {
      counts.set(row.probeKey, { pass: row.pass, fail: row.fail, error: row.error });
    }
    byModel.set(modelId, counts);
  }
  return byModel;
}

/**
 * The pairs a model has results for (both probes answered at least once, errors included), with its counts. When a
 * pair id exists at several versions (a probe was edited), the newest suite version the model answered wins, so a
 * pair is never counted twice. Sorted in chart order (domain, family, pair id).
 */
export function pairsFromCounts(catalog: readonly CatalogPair[], counts: ReadonlyMap<number, ProbeCounts>): PairCounts[] {
  const chosen = new Map<string, { pair: CatalogPair; easy: ProbeCounts; hard: ProbeCounts }>();
  for (const pair of catalog) {
    const easy = counts.get(pair.easyKey);
    const hard = counts.get(pair.hardKey);
    if (!easy || !hard) continue;
    const known = chosen.get(pair.pairId);
    if (!known || known.pair.suiteKey < pair.suiteKey) chosen.set(pair.pairId, { pair, easy, hard });
  }
  return [...chosen.values()]
    .map(({ pair, easy, hard }) => ({
      pairId: pair.pairId, family: pair.family, domain: pair.domain, easyKey: pair.easyKey, hardKey: pair.hardKey,
      easy: { ...easy }, hard: { ...hard },
    }))
    .sort((a, b) => compare(a.domain, b.domain) || compare(a.family, b.family) || compare(a.pairId, b.pairId));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A model's run counters: they change whenever one of its results is written, retried or imported. */
export interface ModelStamp {
  modelId: string;
  runs: number;
  lastRunId: number;
  pass: number;
  fail: number;
  error: number;
}

/** The run counters of every model that has runs (a tiny table: one row per run). */
export function modelStamps(db: Db): Map<string, ModelStamp> {
  const rows = db.$client
    .prepare(
      `SELECT model_id AS modelId, count(*) AS runs, max(id) AS lastRunId, sum(pass_count) AS pass,
              sum(fail_count) AS fail, sum(error_count) AS error
       FROM runs GROUP BY model_id`,
    )
    .all() as ModelStamp[];
  return new Map(rows.map((r) => [r.modelId, r]));
}

/** The cache key of a model's aggregates: equal stamps mean no result of the model was written since. */
export function stampKey(stamp: ModelStamp | undefined): string {
  return stamp ? `${stamp.runs}:${stamp.lastRunId}:${stamp.pass}:${stamp.fail}:${stamp.error}` : 'none';
}
