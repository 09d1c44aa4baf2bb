import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Issue 12 item 7: an answer such as =HYPERLINK("http://evil.example","click") must open in a spreadsheet as text,
// not as a live formula, when the results are exported as CSV.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-csv-formula-'));
process.env.SAWTOOTH_DB = path.join(dir, 'sawtooth.db');
process.env.SAWTOOTH_CONFIG = path.join(dir, 'none.json');

const { main } = await import('../cli');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

describe('CSV export of hostile answers', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prefixes formula-like text with an apostrophe and leaves numbers alone', async () => {
    const file = path.join(dir, 'answers.jsonl');
    const answers = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '42'];
    writeFileSync(file, answers.map((response, i) => JSON.stringify({ model: 'm', prompt: `Q${i}?`, response, correct: false })).join('\n'));
    const imported = await cli(['import', file, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const runId = JSON.parse(imported.stdout.trim().split('\n').at(-1)!).runs[0].runId as number;
    const csv = (await cli(['export', '--run', String(runId), '--format', 'csv'])).stdout;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    for (const text of ["'+1+1", "'-2+3", "'@SUM(A1)", "'\t=1"]) expect(csv).toContain(text);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(csv).toMatch(/,42,/);
  });
});
