import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../../testing/cli/spawn-cli';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';

// Issue 12 item 7: an answer such as =HYPERLINK("http://evil.example","click") must open in a spreadsheet as text,
// not as a live formula, when the results are exported as CSV. The real CLI, as a child process, on each backend.
describeEachBackend('CSV export of hostile answers', (dialect) => {
  let dir: string;
  let database: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-csv-formula-'));
    database = await freshDatabase(dialect);
    env = { ...database.env, SAWTOOTH_CONFIG: path.join(dir, 'none.json') };
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prefixes formula-like text with an apostrophe and leaves numbers alone', async () => {
    const file = path.join(dir, 'answers.jsonl');
    const answers = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '42'];
    writeFileSync(file, answers.map((response, i) => JSON.stringify({ model: 'm', prompt: `Q${i}?`, response, correct: false })).join('\n'));
    const imported = await runCli(['import', file, '--json'], env);
    expect(imported.code, imported.stderr).toBe(0);
    const runId = JSON.parse(imported.stdout.trim().split('\n').at(-1)!).runs[0].runId as number;
    const exported = await runCli(['export', '--run', String(runId), '--format', 'csv'], env);
    expect(exported.code, exported.stderr).toBe(0);
    const csv = exported.stdout;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    for (const text of ["'+1+1", "'-2+3", "'@SUM(A1)", "'\t=1"]) expect(csv).toContain(text);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(csv).toMatch(/,42,/);
  });
});
