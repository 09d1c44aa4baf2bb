import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../../testing/store-backends/backends';
import { createCaller } from '../root';

describeEachBackend('imports.results router', (dialect) => {
  let database: TestDatabase;
  let caller: ReturnType<typeof createCaller>;
  beforeAll(async () => {
    database = await freshDatabase(dialect);
    caller = createCaller({ store: database.store });
  });
  afterAll(async () => {
    await database.drop();
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
    expect((await database.store.get<{ n: number }>(sql`SELECT count(*) AS n FROM runs`))!.n).toBe(1);
  });

  it('names the CSV column of a duplicate prompt', async () => {
    const csv = 'family,easy_prompt,easy_answer,hard_prompt,hard_answer,grader,domain,family_title,family_description,pair_rule\n'
      + 'commonsense.dups,Same?,yes,Same twice?,yes,yesno,commonsense,Dups,Duplicates.,The hard probe repeats the easy one.\n'
      + 'commonsense.dups,Same?,yes,Other?,no,yesno,,,,\n';
    const result = await caller.suites.importFile({ suiteId: 'dups', fileName: 'dups.csv', text: csv });
    expect(result).toMatchObject({ ok: false, issues: [expect.objectContaining({ line: 3, field: 'easy_prompt' })] });
  });
});
