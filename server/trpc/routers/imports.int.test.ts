import { sqliteStore } from '../../../db/store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../db/client';
import { createCaller } from '../root';

const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-imports-'));

describe('imports.results router', () => {
  const db = openDb(path.join(dir, 'imports.db'));
  const caller = createCaller({ store: sqliteStore(db) });
  afterAll(() => {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a promptfoo export as runs, and lists at most 200 problems of a bad file (with the rest counted)', async () => {
    const good = { results: { results: [{ provider: 'echo', prompt: { raw: 'Say hi' }, response: { output: 'hi' }, success: true }] } };
    const ok = await caller.imports.results({ fileName: 'pf.json', text: JSON.stringify(good) });
    expect(ok).toMatchObject({ ok: true, format: 'promptfoo', summary: { runs: [{ modelId: 'echo', pass: 1 }] } });
    const bad = Array.from({ length: 250 }, () => JSON.stringify({ model: 'm', prompt: 'p', correct: 'no' })).join('\n');
    const failed = await caller.imports.results({ fileName: 'bad.jsonl', text: bad });
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.issues).toHaveLength(200);
    expect(failed.issues[0]).toMatchObject({ file: 'bad.jsonl', line: 1, field: 'correct' });
    expect('more' in failed && failed.more).toBe(50);
    expect((db.$client.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n).toBe(1);
  });

  it('names the CSV column of a duplicate prompt', async () => {
    const csv = 'family,easy_prompt,easy_answer,hard_prompt,hard_answer,grader,domain,family_title,family_description,pair_rule\n'
      + 'commonsense.dups,Same?,yes,Same twice?,yes,yesno,commonsense,Dups,Duplicates.,The hard probe repeats the easy one.\n'
      + 'commonsense.dups,Same?,yes,Other?,no,yesno,,,,\n';
    const result = await caller.suites.importFile({ suiteId: 'dups', fileName: 'dups.csv', text: csv });
    expect(result).toMatchObject({ ok: false, issues: [expect.objectContaining({ line: 3, field: 'easy_prompt' })] });
  });
});
