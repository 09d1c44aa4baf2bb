import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Importing the CLI loads every command; give this process its own (unused) database and config.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-grade-'));
process.env.SAWTOOTH_DB = path.join(dir, 'sawtooth.db');
process.env.SAWTOOTH_CONFIG = path.join(dir, 'none.json');

const { main } = await import('../cli');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

function file(name: string, lines: string[]): string {
  const p = path.join(dir, name);
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
}

const jsonLines = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sawtooth grade through main()', () => {
  it('grades the good lines, reports each bad line by file, line and field, and exits 1', async () => {
    const input = file('responses.jsonl', [
      JSON.stringify({ id: 'a', prompt: 'What is 17 × 23?', response: 'What is 17 × 23?\n\n17 × 23 = 391', answer: '391' }),
      JSON.stringify({ id: 'b', response: '<think>maybe 12</think>\nThe answer is \\boxed{13}.', answer: 12, grader: 'numeric' }),
      '',
      JSON.stringify({ id: 'c', response: 'No, 91 = 7 × 13.' }),
      '{"id": "d", "response": ',
      JSON.stringify({ id: 'e', response: '**(B) Paris**', answer: 'B', grader: { kind: 'choice', options: ['London', 'Paris'] } }),
      JSON.stringify({ id: 'f', response: 'x', answer: 'x', grader: { kind: 'numeric', relTol: 3 } }),
      JSON.stringify({ id: 'g', response: "I'm sorry, but I can't help with that.", answer: 'yes', meta: { run: 7 } }),
    ]);
    const out = path.join(dir, 'graded.jsonl');
    const { code, stdout, stderr } = await cli(['grade', '--in', input, '--out', out]);

    expect(code).toBe(1);
    expect(stderr).toContain('responses.jsonl:4: answer: required');
    expect(stderr).toMatch(/responses\.jsonl:5: not valid JSON/);
    expect(stderr).toMatch(/responses\.jsonl:7: grader\.relTol: /);
    expect(stdout).toContain('graded 4 line(s): 2 passed, 2 failed; 3 bad line(s)');

    const graded = jsonLines(readFileSync(out, 'utf8'));
    expect(graded.map((line) => line.id)).toEqual(['a', 'b', 'e', 'g']);
    expect(graded[0]).toMatchObject({ prompt: 'What is 17 × 23?', extracted: '391', pass: true });
    expect(graded[1]).toMatchObject({ extracted: '13', pass: false, reason: expect.stringContaining('expected 12, got 13') });
    expect(graded[2]).toMatchObject({ extracted: 'B', pass: true });
    // No grader and a yes/no answer: graded as yes/no; unknown fields pass through.
    expect(graded[3]).toMatchObject({ meta: { run: 7 }, extracted: null, pass: false, reason: expect.stringMatching(/^refusal/) });
  });

  it('writes to stdout with --out - and puts the summary on stderr, exit 0 when every line is good', async () => {
    const input = file('clean.jsonl', [
      JSON.stringify({ response: 'The capital of Australia is Canberra.', answer: 'Canberra' }),
      JSON.stringify({ response: 'Answer: 2, 3, 5, 7', answer: '7, 5, 3, 2', grader: 'set' }),
    ]);
    const { code, stdout, stderr } = await cli(['grade', '--in', input, '--out', '-']);
    expect(code).toBe(0);
    expect(jsonLines(stdout).map((line) => line.pass)).toEqual([true, true]);
    expect(stderr).toBe('graded 2 line(s): 2 passed, 0 failed; 0 bad line(s)\n');
  });

  it('streams a large file line by line', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ id: i, response: `So the total is **${i % 7 === 0 ? i + 1 : i}**.`, answer: String(i) }));
    const input = file('large.jsonl', lines);
    const out = path.join(dir, 'large-graded.jsonl');
    const { code, stdout } = await cli(['grade', '--in', input, '--out', out]);
    const wrong = Math.ceil(5000 / 7);
    expect(code).toBe(0);
    expect(stdout).toContain(`graded 5000 line(s): ${5000 - wrong} passed, ${wrong} failed; 0 bad line(s)`);
    const graded = jsonLines(readFileSync(out, 'utf8'));
    expect(graded).toHaveLength(5000);
    expect(graded[4999]).toMatchObject({ id: 4999, extracted: '4999', pass: true });
  });

  it('names a missing input file and a missing --in', async () => {
    const missing = await cli(['grade', '--in', path.join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--in: .*nope\.jsonl: file not found/);
    const none = await cli(['grade']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--in: required');
  });
});
