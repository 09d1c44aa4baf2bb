import type { Db } from '../client';

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

interface ProfileRunRow extends Omit<ProfileRun, 'scope'> {
  scope: string | null;
}

const COLUMNS = `r.id, r.model_id AS modelId, r.suite_key AS suiteKey, s.id AS suiteId, s.version AS suiteVersion,
  r.status, r.temperature, r.samples, json_extract(r.settings, '$.maxTokens') AS maxTokens, r.scope,
  r.created_at AS createdAt`;

const parse = (row: ProfileRunRow): ProfileRun => ({ ...row, scope: row.scope === null ? null : (JSON.parse(row.scope) as string[]) });

/** A model's completed runs on a suite id (any version), newest first. */
export function completedRunsOnSuite(db: Db, modelId: string, suiteId: string): ProfileRun[] {
  return (
    db.$client
      .prepare(
        `SELECT ${COLUMNS} FROM runs r JOIN suites s ON s.key = r.suite_key
         WHERE r.model_id = ? AND s.id = ? AND r.status = 'completed' ORDER BY r.id DESC`,
      )
      .all(modelId, suiteId) as ProfileRunRow[]
  ).map(parse);
}

/** The runs with these ids (any status), in id order; ids that do not exist are simply absent. */
export function runsByIds(db: Db, ids: readonly number[]): ProfileRun[] {
  return (
    db.$client
      .prepare(`SELECT ${COLUMNS} FROM runs r JOIN suites s ON s.key = r.suite_key WHERE r.id IN (SELECT value FROM json_each(?)) ORDER BY r.id`)
      .all(JSON.stringify(ids)) as ProfileRunRow[]
  ).map(parse);
}

/** The newest completed run of each model on a suite id: one query for the leaderboard. */
export function latestCompletedRuns(db: Db, suiteId: string): Map<string, ProfileRun> {
  const rows = db.$client
    .prepare(
      `SELECT ${COLUMNS} FROM runs r JOIN suites s ON s.key = r.suite_key
       WHERE r.id IN (SELECT max(r2.id) FROM runs r2 JOIN suites s2 ON s2.key = r2.suite_key
                      WHERE s2.id = ? AND r2.status = 'completed' GROUP BY r2.model_id)`,
    )
    .all(suiteId) as ProfileRunRow[];
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

export function suitePairSlots(db: Db, suiteKey: number): SuitePairSlots[] {
  return db.$client
    .prepare(
      `SELECT sp.pair_id AS pairId, sp.family_id AS family, f.domain, sp.easy_probe_key AS easy,
              sp.easy_twin_probe_key AS easyTwin, sp.hard_probe_key AS hard, sp.hard_twin_probe_key AS hardTwin
       FROM suite_pairs sp JOIN families f ON f.id = sp.family_id
       WHERE sp.suite_key = ? ORDER BY f.domain, sp.family_id, sp.position`,
    )
    .all(suiteKey) as SuitePairSlots[];
}

/** The grading facts of a suite version's probes that decide their guessing chance. */
export function suiteProbeGraders(db: Db, suiteKey: number): Map<number, { grader: string; chance: number | null }> {
  const rows = db.$client
    .prepare(
      `SELECT p.key, p.grader, p.chance FROM suite_pairs sp
       JOIN probes p ON p.key IN (sp.easy_probe_key, sp.hard_probe_key, sp.easy_twin_probe_key, sp.hard_twin_probe_key)
       WHERE sp.suite_key = ?`,
    )
    .all(suiteKey) as Array<{ key: number; grader: string; chance: number | null }>;
  return new Map(rows.map((r) => [r.key, { grader: r.grader, chance: r.chance }]));
}

export type StoredOutcome = 'pass' | 'fail' | 'error' | 'refusal';

/** Every stored sample outcome of the given runs, keyed "run:probe:sample" (a run's rows, never the whole table). */
export function sampleOutcomes(db: Db, runIds: readonly number[]): Map<string, StoredOutcome> {
  const statement = db.$client.prepare('SELECT probe_key AS probeKey, sample, outcome FROM results WHERE run_id = ?');
  const outcomes = new Map<string, StoredOutcome>();
  for (const runId of runIds) {
    for (const row of statement.iterate(runId) as Iterable<{ probeKey: number; sample: number; outcome: StoredOutcome }>) {
      outcomes.set(`${runId}:${row.probeKey}:${row.sample}`, row.outcome);
    }
  }
  return outcomes;
}

/** Counters that move whenever one of these runs gets, loses or changes a result: the profile cache's key. */
export function runStamps(db: Db, runIds: readonly number[]): string {
  const rows = db.$client
    .prepare(
      `SELECT id, status, pass_count, fail_count, error_count, refusal_count FROM runs
       WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .raw()
    .all(JSON.stringify(runIds));
  return JSON.stringify(rows);
}

/** Suite ids with at least one completed run, the built-in "core" first, then by id. */
export function suitesWithRuns(db: Db): string[] {
  const ids = db.$client
    .prepare(`SELECT DISTINCT s.id FROM runs r JOIN suites s ON s.key = r.suite_key WHERE r.status = 'completed' ORDER BY s.id`)
    .pluck()
    .all() as string[];
  return ids.includes('core') ? ['core', ...ids.filter((id) => id !== 'core')] : ids;
}

/** The models with a completed run on one suite version. */
export function modelsWithRunsOn(db: Db, suiteKey: number): string[] {
  return db.$client
    .prepare(`SELECT DISTINCT model_id FROM runs WHERE suite_key = ? AND status = 'completed' ORDER BY model_id`)
    .pluck()
    .all(suiteKey) as string[];
}
