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

/**
 * Per-pair sample counts of one model, over all its runs: an index-only scan of results(model_id, probe_key,
 * outcome), joined to the (small) pair tables. Pairs are those of every suite version the model has results for.
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
    .all({ modelId, suiteId: opts.suiteId ?? null }) as Array<{
    pairId: string; family: string; domain: string; easyKey: number; hardKey: number;
    ep: number; ef: number; ee: number; hp: number; hf: number; he: number;
  }>;
  return rows.map((r) => ({
    pairId: r.pairId, family: r.family, domain: r.domain, easyKey: r.easyKey, hardKey: r.hardKey,
    easy: { pass: r.ep, fail: r.ef, error: r.ee },
    hard: { pass: r.hp, fail: r.hf, error: r.he },
  }));
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
    .all({ runId }) as Array<{
    pairId: string; family: string; domain: string; easyKey: number; hardKey: number;
    ep: number; ef: number; ee: number; hp: number; hf: number; he: number;
  }>;
  return rows.map((r) => ({
    pairId: r.pairId, family: r.family, domain: r.domain, easyKey: r.easyKey, hardKey: r.hardKey,
    easy: { pass: r.ep, fail: r.ef, error: r.ee },
    hard: { pass: r.hp, fail: r.hf, error: r.he },
  }));
}
