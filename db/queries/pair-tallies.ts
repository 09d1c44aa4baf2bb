import { sql } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';

/** Sample counts of one probe in one run (refusals: answers outside accuracy). */
export interface ProbeCounts {
  pass: number;
  fail: number;
  error: number;
  refusal: number;
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
  ep: number; ef: number; ee: number; er: number; hp: number; hf: number; he: number; hr: number;
}

function toPairCounts(r: PairCountRow): PairCounts {
  return {
    pairId: r.pairId, family: r.family, domain: r.domain, easyKey: r.easyKey, hardKey: r.hardKey,
    easy: { pass: r.ep, fail: r.ef, error: r.ee, refusal: r.er },
    hard: { pass: r.hp, fail: r.hf, error: r.he, refusal: r.hr },
  };
}

/**
 * Per-pair sample counts of the easy and hard probes of one run, straight from its results, twins aside: the
 * independent reference the tests hold the profile tallies (server/explore/profile-tallies.ts) against.
 */
export async function runPairCounts(db: SqlRunner, runId: number): Promise<PairCounts[]> {
  const rows = await db.all<PairCountRow>(sql`
    WITH t AS (
      SELECT probe_key,
             count(*) FILTER (WHERE outcome = 'pass') AS pass, count(*) FILTER (WHERE outcome = 'fail') AS fail,
             count(*) FILTER (WHERE outcome = 'error') AS error, count(*) FILTER (WHERE outcome = 'refusal') AS refusal
      FROM results WHERE run_id = ${runId} GROUP BY probe_key)
    SELECT sp.pair_id AS "pairId", sp.family_id AS family, f.domain AS domain,
           sp.easy_probe_key AS "easyKey", sp.hard_probe_key AS "hardKey",
           coalesce(e.pass, 0) AS ep, coalesce(e.fail, 0) AS ef, coalesce(e.error, 0) AS ee, coalesce(e.refusal, 0) AS er,
           coalesce(h.pass, 0) AS hp, coalesce(h.fail, 0) AS hf, coalesce(h.error, 0) AS he, coalesce(h.refusal, 0) AS hr
    FROM runs r
    JOIN suite_pairs sp ON sp.suite_key = r.suite_key
    JOIN families f ON f.id = sp.family_id
    LEFT JOIN t e ON e.probe_key = sp.easy_probe_key
    LEFT JOIN t h ON h.probe_key = sp.hard_probe_key
    WHERE r.id = ${runId}
    ORDER BY f.domain, sp.family_id, sp.position`);
  return rows.map(toPairCounts);
}
