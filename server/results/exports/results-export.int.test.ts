import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../db/store';
import { availableDialects, describeEachBackend, freshDatabase, type TestDatabase } from '../../../testing/store-backends/backends';
import { importResults } from '../imports/import-results';
import { exportResults, type ExportFormat, type ExportScope } from './results-export';

/** Two imports of 2,345 results each: repeated prompts make repeated samples, so the cursor steps through ties. */
async function importTwoBatches(store: Store): Promise<void> {
  for (const batch of [1, 2]) {
    const text = Array.from({ length: 2345 }, (_, i) => JSON.stringify({ model: 'paged', prompt: `Question ${i % 700}, batch ${batch}?`, response: i % 3 ? 'yes' : 'a "quoted",\nmulti-line answer', correct: i % 2 === 0 })).join('\n');
    const out = await importResults(store, { fileName: `batch-${batch}.jsonl`, text });
    expect(out.ok).toBe(true);
  }
}

async function exported(store: Store, scope: ExportScope, format: ExportFormat): Promise<string> {
  let text = '';
  for await (const chunk of exportResults(store, scope, format)) text += chunk;
  return text;
}

async function firstRunId(store: Store): Promise<number> {
  return (await store.get<{ id: number }>(sql`SELECT min(id) AS id FROM runs WHERE model_id = 'paged'`))!.id;
}

describeEachBackend('results export across many pages', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(dialect);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('writes every result exactly once for a run and for a model (2 runs × 2,345 results, 1,000 per page)', async () => {
    const db = database.store;
    await importTwoBatches(db);
    const runId = await firstRunId(db);
    const run = parse(await exported(db, { runId }, 'csv'), { columns: true }) as Array<{ result_id: string; run_id: string; response: string }>;
    expect(run).toHaveLength(2345);
    expect(new Set(run.map((r) => r.result_id)).size).toBe(2345);
    expect(run.every((r) => r.run_id === String(runId))).toBe(true);
    expect(run.some((r) => r.response === 'a "quoted",\nmulti-line answer')).toBe(true);
    const model = JSON.parse(await exported(db, { modelId: 'paged', suiteId: 'imported' }, 'json')) as Array<{ result_id: number; suite_id: string }>;
    expect(model).toHaveLength(4690);
    expect(new Set(model.map((r) => r.result_id)).size).toBe(4690);
    expect(model[0]!.suite_id).toBe('imported');
  });
});

describe.skipIf(!availableDialects().includes('pg'))('results export: the same bytes from SQLite and PostgreSQL', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it('exports the same import to identical CSV and JSON files on both engines', async () => {
    const texts: string[][] = [];
    for (const dialect of ['sqlite', 'pg'] as const) {
      const database = await freshDatabase(dialect);
      databases.push(database);
      await importTwoBatches(database.store);
      // Insert times are the clock's: pin them so that only what the engines return can differ.
      await database.store.run(sql`UPDATE results SET created_at = 1733000000000 + id`);
      const runId = await firstRunId(database.store);
      texts.push([
        await exported(database.store, { runId }, 'csv'),
        await exported(database.store, { runId }, 'json'),
        await exported(database.store, { modelId: 'paged', suiteId: 'imported' }, 'csv'),
        await exported(database.store, { modelId: 'paged', suiteId: 'imported' }, 'json'),
      ]);
    }
    expect(texts[0]![0]!.length).toBeGreaterThan(100_000);
    expect(texts[1]).toEqual(texts[0]);
  });
});
