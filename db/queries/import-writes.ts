import type { Tier } from '../../evals/contracts';
import type { Db } from '../client';

/** A stored probe version as an import matches records against it (grader still JSON text). */
export interface ImportableProbe {
  key: number;
  id: string;
  prompt: string;
  familyId: string;
  domain: string;
  tier: Tier;
  answer: string;
  grader: string;
}

/** Every stored probe version, oldest first (thousands of rows: the catalog, not results), one at a time. */
export function everyProbeVersion(db: Db): IterableIterator<ImportableProbe> {
  return db.$client
    .prepare('SELECT key, id, prompt, family_id AS familyId, domain, tier, answer, grader FROM probes ORDER BY key')
    .iterate() as IterableIterator<ImportableProbe>;
}

/** The key of the "imported" suite at this version (one per imported content), or undefined. */
export function importedSuiteKey(db: Db, version: string): number | undefined {
  return db.$client.prepare(`SELECT key FROM suites WHERE id = 'imported' AND version = ?`).pluck().get(version) as number | undefined;
}

/** An imported run of one of these models on this imported suite version, if any (the content was imported before). */
export function importedRunOf(db: Db, suiteKey: number, modelIds: readonly string[]): { id: number; modelId: string } | undefined {
  return db.$client
    .prepare(`SELECT id, model_id AS modelId FROM runs WHERE origin = 'import' AND suite_key = ? AND model_id IN (SELECT value FROM json_each(?))`)
    .get(suiteKey, JSON.stringify(modelIds)) as { id: number; modelId: string } | undefined;
}

/** A pair some matched probe belongs to (in any stored suite version). */
export interface ImportedPairRow {
  pairId: string;
  familyId: string;
  easyKey: number;
  hardKey: number;
}

/** The writes of one import, prepared once per import (an import may hold hundreds of thousands of results). */
export interface ImportWriteQueries {
  /** An "imported" family for a task, unless it exists. */
  insertImportedFamily(f: { id: string; title: string; description: string; pairRule: string }): void;
  /** A new probe of the "imported" suite (unless that version is stored); returns its key. */
  storeImportedProbe(p: { id: string; hash: string; family: string; tier: Tier; prompt: string; answer: string; grader: string; source: string }): number;
  /** A new version of the "imported" suite; returns its key. */
  insertImportedSuite(version: string, title: string, description: string): number;
  /** The pairs (of any suite version) whose easy or hard probe is one of these keys, by suite and position. */
  pairsHoldingProbes(probeKeys: readonly number[]): ImportedPairRow[];
  insertImportedPair(suiteKey: number, pair: ImportedPairRow, position: number): void;
  /** A model for an imported model name, unless a model with that id exists. */
  insertImportedModel(id: string): void;
  /** A completed run of imported results, with its counters; returns its id. */
  insertImportedRun(r: {
    modelId: string; suiteKey: number; settings: string; samples: number; expected: number;
    pass: number; fail: number; error: number; message: string; now: number;
  }): number;
  insertImportedResult(r: {
    runId: number; modelId: string; probeKey: number; familyId: string; domain: string; tier: Tier; sample: number;
    outcome: string; errorKind: string | null; response: string | null; extracted: string | null; reason: string; latencyMs: number | null;
  }): void;
}

export function importWriteQueries(db: Db): ImportWriteQueries {
  const sqlite = db.$client;
  const insertFamily = sqlite.prepare(`INSERT INTO families (id, domain, title, description, pair_rule) VALUES (@id, 'imported', @title, @description, @pairRule) ON CONFLICT (id) DO NOTHING`);
  const insertProbe = sqlite.prepare(`INSERT INTO probes (suite_id, id, content_hash, family_id, domain, tier, prompt, answer, grader, source) VALUES ('imported', @id, @hash, @family, 'imported', @tier, @prompt, @answer, @grader, @source) ON CONFLICT (suite_id, id, content_hash) DO NOTHING`);
  const probeKeyOf = sqlite.prepare(`SELECT key FROM probes WHERE suite_id = 'imported' AND id = ? AND content_hash = ?`).pluck();
  const insertSuite = sqlite.prepare(`INSERT INTO suites (id, version, title, description) VALUES ('imported', ?, ?, ?) RETURNING key`).pluck();
  const pairsOf = sqlite.prepare(`SELECT pair_id AS pairId, family_id AS familyId, easy_probe_key AS easyKey, hard_probe_key AS hardKey FROM suite_pairs
    WHERE easy_probe_key IN (SELECT value FROM json_each(@keys)) OR hard_probe_key IN (SELECT value FROM json_each(@keys)) ORDER BY suite_key, position`);
  const insertPair = sqlite.prepare('INSERT INTO suite_pairs (suite_key, pair_id, family_id, easy_probe_key, hard_probe_key, position) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const insertModel = sqlite.prepare(`INSERT INTO models (id, label, arch, model_name, origin) VALUES (?, ?, 'llm', ?, 'import') ON CONFLICT (id) DO NOTHING`);
  const insertRun = sqlite.prepare(`INSERT INTO runs (model_id, suite_key, status, settings, samples, expected, pass_count, fail_count, error_count, origin, message, started_at, finished_at)
    VALUES (@modelId, @suiteKey, 'completed', @settings, @samples, @expected, @pass, @fail, @error, 'import', @message, @now, @now) RETURNING id`).pluck();
  const insertResult = sqlite.prepare(`INSERT INTO results (run_id, model_id, probe_key, family_id, domain, tier, sample, outcome, error_kind, response, extracted, reason, latency_ms)
    VALUES (@runId, @modelId, @probeKey, @familyId, @domain, @tier, @sample, @outcome, @errorKind, @response, @extracted, @reason, @latencyMs)`);
  return {
    insertImportedFamily: (f) => void insertFamily.run(f),
    storeImportedProbe: (p) => {
      insertProbe.run(p);
      return probeKeyOf.get(p.id, p.hash) as number;
    },
    insertImportedSuite: (version, title, description) => insertSuite.get(version, title, description) as number,
    pairsHoldingProbes: (probeKeys) => pairsOf.all({ keys: JSON.stringify(probeKeys) }) as ImportedPairRow[],
    insertImportedPair: (suiteKey, p, position) => void insertPair.run(suiteKey, p.pairId, p.familyId, p.easyKey, p.hardKey, position),
    insertImportedModel: (id) => void insertModel.run(id, id, id),
    insertImportedRun: (r) => insertRun.get(r) as number,
    insertImportedResult: (r) => void insertResult.run(r),
  };
}
