import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../db/client';
import { importResults } from '../imports/import-results';
import { exportResults } from './results-export';

const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-export-'));

describe('results export across many pages', () => {
  const db = openDb(path.join(dir, 'export.db'));
  afterAll(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every result exactly once for a run and for a model (2 runs × 2,345 results, 1,000 per page)', async () => {
    for (const batch of [1, 2]) {
      // Repeated prompts make repeated samples of one probe: the cursor must step through ties on probe_key.
      const text = Array.from({ length: 2345 }, (_, i) => JSON.stringify({ model: 'paged', prompt: `Question ${i % 700}, batch ${batch}?`, response: i % 3 ? 'yes' : 'a "quoted",\nmulti-line answer', correct: i % 2 === 0 })).join('\n');
      const out = await importResults(db, { fileName: `batch-${batch}.jsonl`, text });
      expect(out.ok).toBe(true);
    }
    const runId = (db.$client.prepare(`SELECT min(id) AS id FROM runs WHERE model_id = 'paged'`).get() as { id: number }).id;
    const run = parse([...exportResults(db, { runId }, 'csv')].join(''), { columns: true }) as Array<{ result_id: string; run_id: string; response: string }>;
    expect(run).toHaveLength(2345);
    expect(new Set(run.map((r) => r.result_id)).size).toBe(2345);
    expect(run.every((r) => r.run_id === String(runId))).toBe(true);
    expect(run.some((r) => r.response === 'a "quoted",\nmulti-line answer')).toBe(true);
    const model = JSON.parse([...exportResults(db, { modelId: 'paged', suiteId: 'imported' }, 'json')].join('')) as Array<{ result_id: number; suite_id: string }>;
    expect(model).toHaveLength(4690);
    expect(new Set(model.map((r) => r.result_id)).size).toBe(4690);
    expect(model[0]!.suite_id).toBe('imported');
  });
});
