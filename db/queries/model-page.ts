import type { Db } from '../client';

/** The latest run of every model that has one (optionally on one suite): one query, not one per model. */
export interface LastRun {
  modelId: string;
  id: number;
  status: string;
  createdAt: number;
}

export function lastRunPerModel(db: Db, suiteId?: string): Map<string, LastRun> {
  // With a suite: each model's newest run on that suite (any version, any status), so the leaderboard of one suite
  // never points at another suite's run.
  const rows = db.$client
    .prepare(
      `SELECT r.model_id AS modelId, r.id, r.status, r.created_at AS createdAt
       FROM runs r WHERE r.id IN (
         SELECT max(r2.id) FROM runs r2 JOIN suites s ON s.key = r2.suite_key
         WHERE @suite IS NULL OR s.id = @suite GROUP BY r2.model_id)`,
    )
    .all({ suite: suiteId ?? null }) as LastRun[];
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
export function probeTexts(db: Db, keys: readonly number[]): Map<number, ProbeText> {
  if (keys.length === 0) return new Map();
  const rows = db.$client
    .prepare(
      `SELECT key, id, family_id AS familyId, tier, prompt, answer FROM probes
       WHERE key IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(keys)) as ProbeText[];
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

/** The ranking both evidence queries share: the preferred outcome first, errors last, then the newest. */
const EVIDENCE_COLUMNS = `r.id AS resultId, r.run_id AS runId, r.model_id AS modelId, r.probe_key AS probeKey, r.sample, r.outcome,
  substr(r.response, 1, 4000) AS response, r.extracted, r.reason, r.ticks,
  row_number() OVER (
    PARTITION BY r.model_id, r.probe_key
    ORDER BY CASE WHEN r.outcome = w.prefer THEN 0 WHEN r.outcome = 'error' THEN 2 ELSE 1 END, r.id DESC) AS rank`;

const WANTED = `w AS (
  SELECT json_extract(value, '$.modelId') AS modelId, json_extract(value, '$.probeKey') AS probeKey,
         json_extract(value, '$.prefer') AS prefer
  FROM json_each(@wanted))`;

/**
 * One sample per requested (model, probe): the newest with the preferred outcome, else the newest graded one, errors
 * last. Keyed "modelId|probeKey". Bounded by the page: it reads only the index entries of these probes. With
 * `runIds`, only samples of those runs (the runs a profile rests on) are shown, and only those are read: each
 * (probe, run of its model) is one range of results(run_id, probe_key, sample), its samples, so the cost does not grow
 * with the model's other runs (at ten million results a (model, probe) has about a thousand samples across its runs;
 * reading them all to keep the profile's few made a model page 4× and a comparison 10× slower). CROSS JOIN fixes that
 * order: SQLite would otherwise start from results(model_id, probe_key) and test the run of every sample.
 */
export function evidenceTranscripts(db: Db, wanted: readonly EvidenceRequest[], runIds?: readonly number[]): Map<string, Transcript> {
  if (wanted.length === 0) return new Map();
  const rows = (
    runIds
      ? db.$client
          .prepare(
            `WITH ${WANTED}
             SELECT * FROM (
               SELECT ${EVIDENCE_COLUMNS}
               FROM w CROSS JOIN json_each(@runs) AS chosen CROSS JOIN runs ru CROSS JOIN results r
               WHERE ru.id = chosen.value AND ru.model_id = w.modelId
                 AND r.run_id = ru.id AND r.probe_key = w.probeKey AND r.model_id = w.modelId)
             WHERE rank = 1`,
          )
          .all({ wanted: JSON.stringify(wanted), runs: JSON.stringify(runIds) })
      : db.$client
          .prepare(
            `WITH ${WANTED}
             SELECT * FROM (
               SELECT ${EVIDENCE_COLUMNS}
               FROM w JOIN results r ON r.model_id = w.modelId AND r.probe_key = w.probeKey)
             WHERE rank = 1`,
          )
          .all({ wanted: JSON.stringify(wanted) })
  ) as Array<Transcript & { rank: number }>;
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
export function runTickCounts(db: Db, runIds: readonly number[]): { runs: number; counts: TickCount[] } {
  // The WHERE repeats the index's own condition word for word: that is how SQLite knows the partial index applies.
  const counts = db.$client
    .prepare(
      `SELECT family_id AS family, tier, ticks, count(*) AS n FROM results
       WHERE run_id IN (SELECT value FROM json_each(?)) AND ticks IS NOT NULL AND outcome IN ('pass', 'fail')
       GROUP BY family_id, tier, ticks`,
    )
    .all(JSON.stringify(runIds)) as TickCount[];
  if (counts.length === 0) return { runs: 0, counts: [] };
  const runs = db.$client
    .prepare(
      `SELECT count(DISTINCT run_id) FROM results
       WHERE run_id IN (SELECT value FROM json_each(?)) AND ticks IS NOT NULL AND outcome IN ('pass', 'fail')`,
    )
    .pluck()
    .get(JSON.stringify(runIds)) as number;
  return { runs, counts };
}
