import { sql, type SQL } from 'drizzle-orm';
import { inList } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';

/** The latest run of every model that has one (optionally on one suite): one query, not one per model. */
export interface LastRun {
  modelId: string;
  id: number;
  status: string;
  createdAt: number;
}

export async function lastRunPerModel(db: SqlRunner, suiteId?: string): Promise<Map<string, LastRun>> {
  // With a suite: each model's newest run on that suite (any version, any status), so the leaderboard of one suite
  // never points at another suite's run.
  const onSuite = suiteId === undefined ? sql`` : sql`WHERE s.id = ${suiteId}`;
  const rows = await db.all<LastRun>(sql`
    SELECT r.model_id AS "modelId", r.id, r.status, r.created_at AS "createdAt"
    FROM runs r WHERE r.id IN (
      SELECT max(r2.id) FROM runs r2 JOIN suites s ON s.key = r2.suite_key ${onSuite} GROUP BY r2.model_id)`);
  return new Map(rows.map((r) => [r.modelId, r]));
}

/** A probe's text and expected answer. */
export interface ProbeText {
  key: number;
  id: string;
  familyId: string;
  tier: 'easy' | 'hard';
  prompt: string;
  answer: string;
}

/** The probes behind one page of a list (bounded by the page size, never the whole catalogue). */
export async function probeTexts(db: SqlRunner, keys: readonly number[]): Promise<Map<number, ProbeText>> {
  if (keys.length === 0) return new Map();
  const rows = await db.all<ProbeText>(sql`
    SELECT key, id, family_id AS "familyId", tier, prompt, answer FROM probes WHERE ${inList(db, sql`key`, keys)}`);
  return new Map(rows.map((r) => [r.key, r]));
}

/** One stored sample shown as a transcript. The response is cut at 4,000 characters, as on the run page. */
export interface Transcript {
  resultId: number;
  modelId: string;
  runId: number;
  probeKey: number;
  sample: number;
  outcome: 'pass' | 'fail' | 'error' | 'refusal';
  response: string | null;
  extracted: string | null;
  reason: string;
  ticks: number | null;
}

/** Which sample to show for one (model, probe): one with outcome `prefer` when there is one. */
export interface EvidenceRequest {
  modelId: string;
  probeKey: number;
  prefer: 'pass' | 'fail' | null;
}

/** SQLite: the ranking both evidence queries share: the preferred outcome first, errors last, then the newest. */
const SQLITE_EVIDENCE_COLUMNS = sql.raw(`r.id AS resultId, r.run_id AS runId, r.model_id AS modelId, r.probe_key AS probeKey, r.sample, r.outcome,
  substr(r.response, 1, 4000) AS response, r.extracted, r.reason, r.ticks,
  row_number() OVER (
    PARTITION BY r.model_id, r.probe_key
    ORDER BY CASE WHEN r.outcome = w.prefer THEN 0 WHEN r.outcome = 'error' THEN 2 ELSE 1 END, r.id DESC) AS rank`);

const sqliteWanted = (wanted: readonly EvidenceRequest[]) => sql`w AS (
  SELECT json_extract(value, '$.modelId') AS modelId, json_extract(value, '$.probeKey') AS probeKey,
         json_extract(value, '$.prefer') AS prefer
  FROM json_each(${JSON.stringify(wanted)}))`;

/**
 * SQLite's form. CROSS JOIN fixes the join order: SQLite would otherwise start from results(model_id, probe_key)
 * and test the run of every sample.
 */
function sqliteEvidence(wanted: readonly EvidenceRequest[], runIds?: readonly number[]): SQL {
  return runIds
    ? sql`WITH ${sqliteWanted(wanted)}
          SELECT * FROM (
            SELECT ${SQLITE_EVIDENCE_COLUMNS}
            FROM w CROSS JOIN json_each(${JSON.stringify(runIds)}) AS chosen CROSS JOIN runs ru CROSS JOIN results r
            WHERE ru.id = chosen.value AND ru.model_id = w.modelId
              AND r.run_id = ru.id AND r.probe_key = w.probeKey AND r.model_id = w.modelId)
          WHERE rank = 1`
    : sql`WITH ${sqliteWanted(wanted)}
          SELECT * FROM (
            SELECT ${SQLITE_EVIDENCE_COLUMNS}
            FROM w JOIN results r ON r.model_id = w.modelId AND r.probe_key = w.probeKey)
          WHERE rank = 1`;
}

/**
 * PostgreSQL's form: for each requested (model, probe) the one best sample, read by a LATERAL top-1 over the same
 * ranges SQLite reads. With runs: the model's named runs, then results(run_id, probe_key, sample) once per run (the
 * model is matched on the run, not on the result, so the planner cannot wander to results(model_id, probe_key) and
 * read the samples of every other run of the model); without: results(model_id, probe_key, outcome).
 */
function pgEvidence(db: SqlRunner, wanted: readonly EvidenceRequest[], runIds?: readonly number[]): SQL {
  const from = runIds
    ? sql`runs ru JOIN results r ON r.run_id = ru.id AND r.probe_key = w."probeKey"
          WHERE ${inList(db, sql`ru.id`, runIds)} AND ru.model_id = w."modelId"`
    : sql`results r WHERE r.model_id = w."modelId" AND r.probe_key = w."probeKey"`;
  return sql`
    SELECT e.* FROM jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) AS w("modelId" text, "probeKey" bigint, prefer text)
    CROSS JOIN LATERAL (
      SELECT r.id AS "resultId", r.run_id AS "runId", r.model_id AS "modelId", r.probe_key AS "probeKey", r.sample, r.outcome,
             substr(r.response, 1, 4000) AS response, r.extracted, r.reason, r.ticks
      FROM ${from}
      ORDER BY CASE WHEN r.outcome = w.prefer THEN 0 WHEN r.outcome = 'error' THEN 2 ELSE 1 END, r.id DESC
      LIMIT 1) e`;
}

/**
 * One sample per requested (model, probe): the newest with the preferred outcome, else the newest graded one, errors
 * last. Keyed "modelId|probeKey". Bounded by the page: it reads only the index entries of these probes. With
 * `runIds`, only samples of those runs (the runs a profile rests on) are shown, and only those are read: each
 * (probe, run of its model) is one range of results(run_id, probe_key, sample), its samples, so the cost does not grow
 * with the model's other runs (at ten million results a (model, probe) has about a thousand samples across its runs;
 * reading them all to keep the profile's few made a model page 4× and a comparison 10× slower).
 */
export async function evidenceTranscripts(db: SqlRunner, wanted: readonly EvidenceRequest[], runIds?: readonly number[]): Promise<Map<string, Transcript>> {
  if (wanted.length === 0) return new Map();
  const rows = await db.all<Transcript & { rank?: number }>(db.dialect === 'pg' ? pgEvidence(db, wanted, runIds) : sqliteEvidence(wanted, runIds));
  return new Map(rows.map(({ rank: _rank, ...row }) => [`${row.modelId}|${row.probeKey}`, row]));
}

/** Tick counts of a model's graded answers, grouped (family, tier, ticks) → n, from the runs that report ticks. */
export interface TickCount {
  family: string;
  tier: 'easy' | 'hard';
  ticks: number;
  n: number;
}

/**
 * The thinking time of some runs (a profile's), aggregated in SQL from the partial index results_ticks_idx, which
 * holds exactly the graded answers that report ticks, by run: one range per run, read from the index alone, and an
 * empty range for a model that reports none. `runs` counts the runs that reported ticks.
 */
export async function runTickCounts(db: SqlRunner, runIds: readonly number[]): Promise<{ runs: number; counts: TickCount[] }> {
  // The WHERE repeats the index's own condition word for word: that is how SQLite knows the partial index applies
  // (PostgreSQL proves it from the same words).
  const graded = sql`${inList(db, sql`run_id`, runIds)} AND ticks IS NOT NULL AND outcome IN ('pass', 'fail')`;
  const counts = await db.all<TickCount>(sql`
    SELECT family_id AS family, tier, ticks, count(*) AS n FROM results WHERE ${graded} GROUP BY family_id, tier, ticks`);
  if (counts.length === 0) return { runs: 0, counts: [] };
  const row = await db.get<{ runs: number }>(sql`SELECT count(DISTINCT run_id) AS runs FROM results WHERE ${graded}`);
  return { runs: row?.runs ?? 0, counts };
}
