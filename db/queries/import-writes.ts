import type { Tier } from '../../evals/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { inList, jsonValue, objectsTable } from '../store/dialect-sql';
import type { SqlRunner } from '../store/store';

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

/** Every stored probe version, oldest first (thousands of rows: the catalog, not results). */
export async function everyProbeVersion(db: SqlRunner): Promise<ImportableProbe[]> {
  return db.all<ImportableProbe>(sql`
    SELECT key, id, prompt, family_id AS "familyId", domain, tier, answer, grader FROM probes ORDER BY key`);
}

/**
 * Serializes imports for the rest of the transaction, so that a second import of the same file waits for the first
 * and then finds it. SQLite's IMMEDIATE transaction already holds the one write lock; PostgreSQL takes an advisory
 * lock released at commit or rollback.
 */
export async function lockImports(db: SqlRunner): Promise<void> {
  if (db.dialect === 'pg') await db.get(sql`SELECT pg_advisory_xact_lock(hashtext('sawtooth.import')) AS locked`);
}

/** The key of the "imported" suite at this version (one per imported content), or undefined. */
export async function importedSuiteKey(db: SqlRunner, version: string): Promise<number | undefined> {
  return (await db.get<{ key: number }>(sql`SELECT key FROM suites WHERE id = 'imported' AND version = ${version}`))?.key;
}

/** An imported run of one of these models on this imported suite version, if any (the content was imported before). */
export async function importedRunOf(db: SqlRunner, suiteKey: number, modelIds: readonly string[]): Promise<{ id: number; modelId: string } | undefined> {
  return db.get(sql`SELECT id, model_id AS "modelId" FROM runs
    WHERE origin = 'import' AND suite_key = ${suiteKey} AND ${inList(db, sql`model_id`, modelIds, 'text')} ORDER BY id LIMIT 1`);
}

/** A pair some matched probe belongs to (in any stored suite version). */
export interface ImportedPairRow {
  pairId: string;
  familyId: string;
  easyKey: number;
  hardKey: number;
}

/** One imported result row. */
export interface ImportedResultRow {
  runId: number; modelId: string; probeKey: number; familyId: string; domain: string; tier: Tier; sample: number;
  outcome: string; errorKind: string | null; response: string | null; extracted: string | null; reason: string; latencyMs: number | null;
}

/** The writes of one import (an import may hold hundreds of thousands of results). Run them inside one transaction. */
export interface ImportWriteQueries {
  /** An "imported" family for a task, unless it exists. */
  insertImportedFamily(f: { id: string; title: string; description: string; pairRule: string }): Promise<void>;
  /** New probes of the "imported" suite (each unless that version is stored; no two alike); returns their keys in order. */
  storeImportedProbes(probes: readonly ImportedProbeRow[]): Promise<number[]>;
  /** A new version of the "imported" suite; returns its key. */
  insertImportedSuite(version: string, title: string, description: string): Promise<number>;
  /** The pairs (of any suite version) whose easy or hard probe is one of these keys, by suite and position. */
  pairsHoldingProbes(probeKeys: readonly number[]): Promise<ImportedPairRow[]>;
  insertImportedPair(suiteKey: number, pair: ImportedPairRow, position: number): Promise<void>;
  /** A model for an imported model name, unless a model with that id exists. */
  insertImportedModel(id: string): Promise<void>;
  /** A completed run of imported results, with its counters; returns its id. */
  insertImportedRun(r: {
    modelId: string; suiteKey: number; settings: string; samples: number; expected: number;
    pass: number; fail: number; error: number; message: string; now: number;
  }): Promise<number>;
  /** Results, many rows per statement. */
  insertImportedResults(rows: readonly ImportedResultRow[]): Promise<void>;
}

/** A new probe of the "imported" suite (grader as JSON text). */
export interface ImportedProbeRow {
  id: string; hash: string; family: string; tier: Tier; prompt: string; answer: string; grader: string; source: string;
}

/**
 * Rows per statement of the bulk writes: a batch goes as ONE parameter (a JSON array read as a table, objectsTable),
 * so a large import costs one statement per thousand rows instead of one per row, on either engine.
 */
const BATCH = 1000;

const PROBE_FIELDS = { id: 'text', hash: 'text', family: 'text', tier: 'text', prompt: 'text', answer: 'text', grader: 'text', source: 'text' } as const;
const RESULT_FIELDS = {
  runId: 'int', modelId: 'text', probeKey: 'int', familyId: 'text', domain: 'text', tier: 'text', sample: 'int', outcome: 'text',
  errorKind: 'text', response: 'text', extracted: 'text', reason: 'text', latencyMs: 'int',
} as const;

/**
 * A batch of rows as a table with the named fields as columns, bound as ONE parameter. PostgreSQL reads objects
 * (objectsTable); SQLite reads each row as an array, which its JSON functions take about a third faster than objects
 * (measured on 130,000 results: the fields are found by position instead of by name).
 */
function rowsTable<F extends Record<string, 'int' | 'text'>>(db: SqlRunner, rows: readonly Record<keyof F & string, unknown>[], fields: F, alias: string): SQL {
  if (db.dialect === 'pg') return objectsTable(db, rows, fields, alias);
  const names = Object.keys(fields);
  const columns = sql.raw(names.map((field, i) => `json_extract(value, '$[${i}]') AS "${field}"`).join(', '));
  const arrays = JSON.stringify(rows.map((row) => names.map((field) => row[field])));
  return sql`(SELECT ${columns} FROM json_each(${arrays})) AS ${sql.identifier(alias)}`;
}

function batches<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += BATCH) out.push(rows.slice(start, start + BATCH));
  return out;
}

export function importWriteQueries(db: SqlRunner): ImportWriteQueries {
  return {
    insertImportedFamily: async (f) => {
      await db.run(sql`INSERT INTO families (id, domain, title, description, pair_rule)
        VALUES (${f.id}, 'imported', ${f.title}, ${f.description}, ${f.pairRule}) ON CONFLICT (id) DO NOTHING`);
    },
    storeImportedProbes: async (probes) => {
      const keys = new Map<string, number>();
      // The grader column is jsonb on PostgreSQL, text on SQLite.
      const grader = db.dialect === 'pg' ? sql`p.grader::jsonb` : sql`p.grader`;
      for (const batch of batches(probes)) {
        // The no-op update makes RETURNING give the stored key when that version is already there; rows come back
        // in no promised order, so they are matched by (id, hash). (WHERE true: SQLite's upsert after a SELECT.)
        const rows = await db.all<{ key: number; id: string; hash: string }>(sql`
          INSERT INTO probes (suite_id, id, content_hash, family_id, domain, tier, prompt, answer, grader, source)
          SELECT 'imported', p.id, p.hash, p.family, 'imported', p.tier, p.prompt, p.answer, ${grader}, p.source
          FROM ${rowsTable(db, batch, PROBE_FIELDS, 'p')} WHERE true
          ON CONFLICT (suite_id, id, content_hash) DO UPDATE SET id = excluded.id
          RETURNING key, id, content_hash AS hash`);
        for (const row of rows) keys.set(`${row.id}\u0000${row.hash}`, row.key);
      }
      return probes.map((p) => keys.get(`${p.id}\u0000${p.hash}`)!);
    },
    insertImportedSuite: async (version, title, description) => {
      const row = await db.get<{ key: number }>(sql`
        INSERT INTO suites (id, version, title, description) VALUES ('imported', ${version}, ${title}, ${description}) RETURNING key`);
      return row!.key;
    },
    pairsHoldingProbes: (probeKeys) =>
      db.all<ImportedPairRow>(sql`
        SELECT pair_id AS "pairId", family_id AS "familyId", easy_probe_key AS "easyKey", hard_probe_key AS "hardKey"
        FROM suite_pairs WHERE ${inList(db, sql`easy_probe_key`, probeKeys)} OR ${inList(db, sql`hard_probe_key`, probeKeys)}
        ORDER BY suite_key, position`),
    insertImportedPair: async (suiteKey, p, position) => {
      await db.run(sql`INSERT INTO suite_pairs (suite_key, pair_id, family_id, easy_probe_key, hard_probe_key, position)
        VALUES (${suiteKey}, ${p.pairId}, ${p.familyId}, ${p.easyKey}, ${p.hardKey}, ${position}) ON CONFLICT DO NOTHING`);
    },
    insertImportedModel: async (id) => {
      await db.run(sql`INSERT INTO models (id, label, arch, model_name, origin) VALUES (${id}, ${id}, 'llm', ${id}, 'import')
        ON CONFLICT (id) DO NOTHING`);
    },
    insertImportedRun: async (r) => {
      const row = await db.get<{ id: number }>(sql`
        INSERT INTO runs (model_id, suite_key, status, settings, samples, expected, pass_count, fail_count, error_count, origin,
          message, started_at, finished_at)
        VALUES (${r.modelId}, ${r.suiteKey}, 'completed', ${jsonValue(db, r.settings)}, ${r.samples}, ${r.expected}, ${r.pass},
          ${r.fail}, ${r.error}, 'import', ${r.message}, ${r.now}, ${r.now})
        RETURNING id`);
      return row!.id;
    },
    insertImportedResults: async (rows) => {
      for (const batch of batches(rows)) {
        await db.run(sql`INSERT INTO results (run_id, model_id, probe_key, family_id, domain, tier, sample, outcome, error_kind,
          response, extracted, reason, latency_ms)
          SELECT r."runId", r."modelId", r."probeKey", r."familyId", r.domain, r.tier, r.sample, r.outcome, r."errorKind",
            r.response, r.extracted, r.reason, r."latencyMs"
          FROM ${rowsTable(db, batch, RESULT_FIELDS, 'r')}`);
      }
    },
  };
}
