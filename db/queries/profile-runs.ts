import { sql } from 'drizzle-orm';
import { inList, jsonText } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';

/** A run a profile can rest on: its suite version and the settings that decide whether runs may pool. */
export interface ProfileRun {
  id: number;
  modelId: string;
  suiteKey: number;
  suiteId: string;
  suiteVersion: string;
  status: string;
  temperature: number | null;
  samples: number;
  maxTokens: number | null;
  /** The families the run evaluated; null: the whole suite. */
  scope: string[] | null;
  createdAt: number;
}

interface ProfileRunRow extends Omit<ProfileRun, 'scope' | 'maxTokens'> {
  scope: string | null;
  /** A number from SQLite's json_extract, the text of the JSON value from PostgreSQL's ->>. */
  maxTokens: number | string | null;
}

const columns = (db: SqlRunner) => sql`r.id, r.model_id AS "modelId", r.suite_key AS "suiteKey", s.id AS "suiteId",
  s.version AS "suiteVersion", r.status, r.temperature, r.samples, ${jsonText(db, sql`r.settings`, 'maxTokens')} AS "maxTokens",
  r.scope, r.created_at AS "createdAt"`;

const parse = (row: ProfileRunRow): ProfileRun => ({
  ...row,
  maxTokens: row.maxTokens === null ? null : Number(row.maxTokens),
  scope: row.scope === null ? null : (JSON.parse(row.scope) as string[]),
});

/**
 * A model's completed runs on a suite id (any version), newest first; `latestOnly`: just the newest (a profile that
 * does not pool reads one row, not the model's whole history: a comparison asks this once per model and procedure).
 */
export async function completedRunsOnSuite(db: SqlRunner, modelId: string, suiteId: string, latestOnly = false): Promise<ProfileRun[]> {
  const rows = await db.all<ProfileRunRow>(sql`
    SELECT ${columns(db)} FROM runs r JOIN suites s ON s.key = r.suite_key
    WHERE r.model_id = ${modelId} AND s.id = ${suiteId} AND r.status = 'completed' ORDER BY r.id DESC
    ${latestOnly ? sql`LIMIT 1` : sql``}`);
  return rows.map(parse);
}

/** The runs with these ids (any status), in id order; ids that do not exist are simply absent. */
export async function runsByIds(db: SqlRunner, ids: readonly number[]): Promise<ProfileRun[]> {
  const rows = await db.all<ProfileRunRow>(sql`
    SELECT ${columns(db)} FROM runs r JOIN suites s ON s.key = r.suite_key WHERE ${inList(db, sql`r.id`, ids)} ORDER BY r.id`);
  return rows.map(parse);
}

/** The newest completed run of each model on a suite id: one query for the leaderboard. */
export async function latestCompletedRuns(db: SqlRunner, suiteId: string): Promise<Map<string, ProfileRun>> {
  const rows = await db.all<ProfileRunRow>(sql`
    SELECT ${columns(db)} FROM runs r JOIN suites s ON s.key = r.suite_key
    WHERE r.id IN (SELECT max(r2.id) FROM runs r2 JOIN suites s2 ON s2.key = r2.suite_key
                   WHERE s2.id = ${suiteId} AND r2.status = 'completed' GROUP BY r2.model_id)`);
  return new Map(rows.map((r) => [r.modelId, parse(r)]));
}

/** One pair of a suite version with the probe keys of its four slots (twins null when absent). */
export interface SuitePairSlots {
  pairId: string;
  family: string;
  domain: string;
  easy: number;
  easyTwin: number | null;
  hard: number;
  hardTwin: number | null;
}

export async function suitePairSlots(db: SqlRunner, suiteKey: number): Promise<SuitePairSlots[]> {
  return db.all<SuitePairSlots>(sql`
    SELECT sp.pair_id AS "pairId", sp.family_id AS family, f.domain, sp.easy_probe_key AS easy,
           sp.easy_twin_probe_key AS "easyTwin", sp.hard_probe_key AS hard, sp.hard_twin_probe_key AS "hardTwin"
    FROM suite_pairs sp JOIN families f ON f.id = sp.family_id
    WHERE sp.suite_key = ${suiteKey} ORDER BY f.domain, sp.family_id, sp.position`);
}

/** The grading facts of a suite version's probes that decide their guessing chance (the grader as JSON text). */
export async function suiteProbeGraders(db: SqlRunner, suiteKey: number): Promise<Map<number, { grader: string; chance: number | null }>> {
  const rows = await db.all<{ key: number; grader: string; chance: number | null }>(sql`
    SELECT p.key, p.grader, p.chance FROM suite_pairs sp
    JOIN probes p ON p.key IN (sp.easy_probe_key, sp.hard_probe_key, sp.easy_twin_probe_key, sp.hard_twin_probe_key)
    WHERE sp.suite_key = ${suiteKey}`);
  return new Map(rows.map((r) => [r.key, { grader: r.grader, chance: r.chance }]));
}

export type StoredOutcome = 'pass' | 'fail' | 'error' | 'refusal';

/** Every stored sample outcome of the given runs, keyed "run:probe:sample" (a run's rows, never the whole table). */
export async function sampleOutcomes(db: SqlRunner, runIds: readonly number[]): Promise<Map<string, StoredOutcome>> {
  const outcomes = new Map<string, StoredOutcome>();
  for (const runId of runIds) {
    const rows = await db.all<{ probeKey: number; sample: number; outcome: StoredOutcome }>(
      sql`SELECT probe_key AS "probeKey", sample, outcome FROM results WHERE run_id = ${runId}`,
    );
    for (const row of rows) outcomes.set(`${runId}:${row.probeKey}:${row.sample}`, row.outcome);
  }
  return outcomes;
}

interface StampRow {
  id: number;
  status: string;
  pass: number;
  fail: number;
  error: number;
  refusal: number;
}

/**
 * Counters that move whenever one of these runs gets, loses or changes a result: the profile cache's key. The text is
 * each run's [id, status, pass, fail, error, refusal], as stored profile_cache rows were stamped before the store.
 */
export async function runStamps(db: SqlRunner, runIds: readonly number[]): Promise<string> {
  const rows = await db.all<StampRow>(sql`
    SELECT id, status, pass_count AS pass, fail_count AS fail, error_count AS error, refusal_count AS refusal FROM runs
    WHERE ${inList(db, sql`id`, runIds)} ORDER BY id`);
  return JSON.stringify(rows.map((r) => [r.id, r.status, r.pass, r.fail, r.error, r.refusal]));
}

/** Suite ids with at least one completed run, the built-in "core" first, then by id. */
export async function suitesWithRuns(db: SqlRunner): Promise<string[]> {
  const rows = await db.all<{ id: string }>(
    sql`SELECT DISTINCT s.id FROM runs r JOIN suites s ON s.key = r.suite_key WHERE r.status = 'completed' ORDER BY s.id`,
  );
  const ids = rows.map((r) => r.id);
  return ids.includes('core') ? ['core', ...ids.filter((id) => id !== 'core')] : ids;
}

/** The models with a completed run on one suite version. */
export async function modelsWithRunsOn(db: SqlRunner, suiteKey: number): Promise<string[]> {
  const rows = await db.all<{ modelId: string }>(
    sql`SELECT DISTINCT model_id AS "modelId" FROM runs WHERE suite_key = ${suiteKey} AND status = 'completed' ORDER BY model_id`,
  );
  return rows.map((r) => r.modelId);
}
