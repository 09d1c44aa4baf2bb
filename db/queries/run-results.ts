import { sql, type SQL } from 'drizzle-orm';
import type { SqlRunner } from '../store/store';
import type { ResultListRow } from './runs';

export interface ResultFilters {
  outcome?: 'pass' | 'fail' | 'error' | 'refusal';
  family?: string;
  tier?: 'easy' | 'hard';
  /** Words to find in the probe id, the prompt or the response (case-insensitive substring). */
  q?: string;
}

/** The WHERE of a run's filtered results (over `results r JOIN probes p`). */
function filterSql(db: SqlRunner, runId: number, f: ResultFilters): SQL {
  const q = f.q?.trim();
  const parts: SQL[] = [sql`r.run_id = ${runId}`];
  if (f.outcome !== undefined) parts.push(sql`r.outcome = ${f.outcome}`);
  if (f.family !== undefined) parts.push(sql`r.family_id = ${f.family}`);
  if (f.tier !== undefined) parts.push(sql`r.tier = ${f.tier}`);
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // SQLite's LIKE ignores ASCII case; PostgreSQL's does not: ILIKE there.
    const like = db.dialect === 'pg' ? sql.raw('ILIKE') : sql.raw('LIKE');
    parts.push(sql`(p.id ${like} ${pattern} ESCAPE '\\' OR p.prompt ${like} ${pattern} ESCAPE '\\' OR r.response ${like} ${pattern} ESCAPE '\\')`);
  }
  return sql.join(parts, sql` AND `);
}

/**
 * One page of a run's results in probe order, filtered server-side, with the number that match (for the pager).
 * Outcome, family and tier use the results(run_id, outcome, …) index; search scans only this run's rows.
 */
export async function runResultsPage(
  db: SqlRunner,
  runId: number,
  f: ResultFilters & { limit: number; offset: number },
): Promise<{ rows: ResultListRow[]; total: number }> {
  const where = filterSql(db, runId, f);
  const rows = await db.all<ResultListRow>(sql`
    SELECT r.id, p.id AS "probeId", r.family_id AS "familyId", r.tier, r.sample, r.outcome, r.error_kind AS "errorKind",
           p.prompt, p.answer, substr(r.response, 1, 600) AS response, r.extracted, r.reason, r.latency_ms AS "latencyMs", r.ticks
    FROM results r JOIN probes p ON p.key = r.probe_key
    WHERE ${where} ORDER BY p.id, r.sample LIMIT ${f.limit} OFFSET ${f.offset}`);
  const { total } = (await db.get<{ total: number }>(sql`
    SELECT count(*) AS total FROM results r JOIN probes p ON p.key = r.probe_key WHERE ${where}`))!;
  return { rows, total };
}

/** The families present in a run's results (for the family filter). */
export async function runResultFamilies(db: SqlRunner, runId: number): Promise<string[]> {
  const rows = await db.all<{ f: string }>(sql`SELECT DISTINCT family_id AS f FROM results WHERE run_id = ${runId} ORDER BY family_id`);
  return rows.map((r) => r.f);
}

/** One result with its full response (the page list shortens responses). */
export async function resultTranscript(db: SqlRunner, runId: number, resultId: number): Promise<(ResultListRow & { grader: string }) | undefined> {
  return db.get(sql`
    SELECT r.id, p.id AS "probeId", r.family_id AS "familyId", r.tier, r.sample, r.outcome, r.error_kind AS "errorKind",
           p.prompt, p.answer, p.grader, r.response, r.extracted, r.reason, r.latency_ms AS "latencyMs", r.ticks
    FROM results r JOIN probes p ON p.key = r.probe_key WHERE r.run_id = ${runId} AND r.id = ${resultId}`);
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
export async function runLogRows(db: SqlRunner, runId: number): Promise<RunLogRow[]> {
  return db.all(sql`
    SELECT p.id AS "probeId", r.family_id AS family, r.tier, r.sample, p.prompt, p.answer, p.grader, r.outcome,
           r.error_kind AS "errorKind", r.response, r.extracted, r.reason, r.latency_ms AS "latencyMs",
           r.prompt_tokens AS "promptTokens", r.completion_tokens AS "completionTokens", r.cost_usd AS "costUsd", r.ticks,
           r.created_at AS "createdAt"
    FROM results r JOIN probes p ON p.key = r.probe_key WHERE r.run_id = ${runId} ORDER BY p.id, r.sample`);
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
export async function runDiff(
  db: SqlRunner,
  before: number,
  after: number,
): Promise<{ changed: RunDiffRow[]; same: number; onlyBefore: number; onlyAfter: number }> {
  const tally = (runId: number) => sql`
    SELECT probe_key, sum(CASE WHEN outcome = 'pass' THEN 1 ELSE 0 END) AS pass, sum(CASE WHEN outcome = 'fail' THEN 1 ELSE 0 END) AS fail,
           sum(CASE WHEN outcome = 'error' THEN 1 ELSE 0 END) AS error
    FROM results WHERE run_id = ${runId} GROUP BY probe_key`;
  const rows = await db.all<{ probeId: string; familyId: string; tier: 'easy' | 'hard'; prompt: string; aPass: number; aFail: number; aError: number; bPass: number; bFail: number; bError: number }>(sql`
    WITH a AS (${tally(before)}), b AS (${tally(after)})
    SELECT p.id AS "probeId", p.family_id AS "familyId", p.tier, p.prompt,
           a.pass AS "aPass", a.fail AS "aFail", a.error AS "aError", b.pass AS "bPass", b.fail AS "bFail", b.error AS "bError"
    FROM a JOIN b ON b.probe_key = a.probe_key JOIN probes p ON p.key = a.probe_key ORDER BY p.id`);
  const counts = (await db.get<{ a: number; b: number }>(sql`
    SELECT (SELECT count(DISTINCT probe_key) FROM results WHERE run_id = ${before}) AS a,
           (SELECT count(DISTINCT probe_key) FROM results WHERE run_id = ${after}) AS b`))!;
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
