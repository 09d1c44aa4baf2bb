import type { Db } from '../client';
import type { ResultListRow } from './runs';

export interface ResultFilters {
  outcome?: 'pass' | 'fail' | 'error' | 'refusal';
  family?: string;
  tier?: 'easy' | 'hard';
  /** Words to find in the probe id, the prompt or the response (case-insensitive substring). */
  q?: string;
}

const FILTER_SQL = `r.run_id = @runId
  AND (@outcome IS NULL OR r.outcome = @outcome)
  AND (@family IS NULL OR r.family_id = @family)
  AND (@tier IS NULL OR r.tier = @tier)
  AND (@q IS NULL OR p.id LIKE @q ESCAPE '\\' OR p.prompt LIKE @q ESCAPE '\\' OR r.response LIKE @q ESCAPE '\\')`;

function filterParams(runId: number, f: ResultFilters) {
  const q = f.q?.trim();
  return {
    runId,
    outcome: f.outcome ?? null,
    family: f.family ?? null,
    tier: f.tier ?? null,
    q: q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
  };
}

/**
 * One page of a run's results in probe order, filtered server-side, with the number that match (for the pager).
 * Outcome, family and tier use the results(run_id, outcome, …) index; search scans only this run's rows.
 */
export function runResultsPage(db: Db, runId: number, f: ResultFilters & { limit: number; offset: number }): { rows: ResultListRow[]; total: number } {
  const params = filterParams(runId, f);
  const rows = db.$client
    .prepare(
      `SELECT r.id, p.id AS probeId, r.family_id AS familyId, r.tier, r.sample, r.outcome, r.error_kind AS errorKind,
              p.prompt, p.answer, substr(r.response, 1, 600) AS response, r.extracted, r.reason, r.latency_ms AS latencyMs, r.ticks
       FROM results r JOIN probes p ON p.key = r.probe_key
       WHERE ${FILTER_SQL} ORDER BY p.id, r.sample LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: f.limit, offset: f.offset }) as ResultListRow[];
  const { total } = db.$client.prepare(`SELECT count(*) AS total FROM results r JOIN probes p ON p.key = r.probe_key WHERE ${FILTER_SQL}`).get(params) as { total: number };
  return { rows, total };
}

/** The families present in a run's results (for the family filter). */
export function runResultFamilies(db: Db, runId: number): string[] {
  return (db.$client.prepare('SELECT DISTINCT family_id AS f FROM results WHERE run_id = ? ORDER BY family_id').all(runId) as { f: string }[]).map((r) => r.f);
}

/** One result with its full response (the page list shortens responses). */
export function resultTranscript(db: Db, runId: number, resultId: number): (ResultListRow & { grader: string }) | undefined {
  return db.$client
    .prepare(
      `SELECT r.id, p.id AS probeId, r.family_id AS familyId, r.tier, r.sample, r.outcome, r.error_kind AS errorKind,
              p.prompt, p.answer, p.grader, r.response, r.extracted, r.reason, r.latency_ms AS latencyMs, r.ticks
       FROM results r JOIN probes p ON p.key = r.probe_key WHERE r.run_id = ? AND r.id = ?`,
    )
    .get(runId, resultId) as (ResultListRow & { grader: string }) | undefined;
}

export interface RunLogRow {
  probeId: string;
  family: string;
  tier: 'easy' | 'hard';
  sample: number;
  prompt: string;
  answer: string;
  grader: string;
  outcome: 'pass' | 'fail' | 'error' | 'refusal';
  errorKind: string | null;
  response: string | null;
  extracted: string | null;
  reason: string;
  latencyMs: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number | null;
  ticks: number | null;
  createdAt: number;
}

/** Every result of a run, in probe order, for its log file. */
export function runLogRows(db: Db, runId: number): RunLogRow[] {
  return db.$client
    .prepare(
      `SELECT p.id AS probeId, r.family_id AS family, r.tier, r.sample, p.prompt, p.answer, p.grader, r.outcome,
              r.error_kind AS errorKind, r.response, r.extracted, r.reason, r.latency_ms AS latencyMs,
              r.prompt_tokens AS promptTokens, r.completion_tokens AS completionTokens, r.cost_usd AS costUsd, r.ticks,
              r.created_at AS createdAt
       FROM results r JOIN probes p ON p.key = r.probe_key WHERE r.run_id = ? ORDER BY p.id, r.sample`,
    )
    .all(runId) as RunLogRow[];
}

export interface DiffSide {
  pass: number;
  fail: number;
  error: number;
}

export interface RunDiffRow {
  probeId: string;
  familyId: string;
  tier: 'easy' | 'hard';
  prompt: string;
  before: DiffSide;
  after: DiffSide;
}

/**
 * The probes two runs both answered whose outcomes differ (per probe: how many samples passed, failed, errored), in
 * probe order. Probes only one run answered are counted, not listed.
 */
export function runDiff(db: Db, before: number, after: number): { changed: RunDiffRow[]; same: number; onlyBefore: number; onlyAfter: number } {
  const rows = db.$client
    .prepare(
      `WITH a AS (SELECT probe_key, sum(outcome = 'pass') AS pass, sum(outcome = 'fail') AS fail, sum(outcome = 'error') AS error
                  FROM results WHERE run_id = @before GROUP BY probe_key),
            b AS (SELECT probe_key, sum(outcome = 'pass') AS pass, sum(outcome = 'fail') AS fail, sum(outcome = 'error') AS error
                  FROM results WHERE run_id = @after GROUP BY probe_key)
       SELECT p.id AS probeId, p.family_id AS familyId, p.tier, p.prompt,
              a.pass AS aPass, a.fail AS aFail, a.error AS aError, b.pass AS bPass, b.fail AS bFail, b.error AS bError
       FROM a JOIN b ON b.probe_key = a.probe_key JOIN probes p ON p.key = a.probe_key ORDER BY p.id`,
    )
    .all({ before, after }) as Array<{ probeId: string; familyId: string; tier: 'easy' | 'hard'; prompt: string; aPass: number; aFail: number; aError: number; bPass: number; bFail: number; bError: number }>;
  const counts = db.$client
    .prepare(
      `SELECT (SELECT count(DISTINCT probe_key) FROM results WHERE run_id = @before) AS a,
              (SELECT count(DISTINCT probe_key) FROM results WHERE run_id = @after) AS b`,
    )
    .get({ before, after }) as { a: number; b: number };
  const changed: RunDiffRow[] = [];
  let same = 0;
  for (const r of rows) {
    const a = { pass: r.aPass, fail: r.aFail, error: r.aError };
    const b = { pass: r.bPass, fail: r.bFail, error: r.bError };
    // Compare shares, so a 1-sample run and a 3-sample run of the same model still line up.
    const share = (s: DiffSide) => [s.pass, s.fail, s.error].map((n) => n / (s.pass + s.fail + s.error)).join('/');
    if (share(a) === share(b)) same++;
    else changed.push({ probeId: r.probeId, familyId: r.familyId, tier: r.tier, prompt: r.prompt, before: a, after: b });
  }
  return { changed, same, onlyBefore: counts.a - rows.length, onlyAfter: counts.b - rows.length };
}
