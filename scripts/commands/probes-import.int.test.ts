import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';

// This file's process gets its own database file and config (env is read once per process).
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-probes-import-'));
process.env.SAWTOOTH_DB = path.join(dir, 'sawtooth.db');
process.env.SAWTOOTH_CONFIG = path.join(dir, 'none.json');

const { main } = await import('../cli');
const { loadSuite } = await import('../../evals/suites');

const datasets = fileURLToPath(new URL('../../testing/paired-datasets/', import.meta.url));
const mathEasy = path.join(datasets, 'math_easy.jsonl');
const mathHard = path.join(datasets, 'math_hard.jsonl');
const INSTRUCTION = 'Give only the final number.';

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const jsonl = (rows: object[]) => `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;

describe('sawtooth probes import: the ConsisEval layout (two files matched by key) imports and runs with no script', () => {
  let server: OpenAITestServer;
  const seen: string[] = [];
  const answers = new Map<string, string>();

  beforeAll(async () => {
    for (const file of [mathEasy, mathHard]) {
      for (const line of readFileSync(file, 'utf8').trim().split('\n')) {
        const row = JSON.parse(line) as { question: string; answer_only: string };
        answers.set(row.question, row.answer_only);
      }
    }
    // The "model" answers every easy question right and every hard one wrong, and records the prompts it got.
    server = await startOpenAITestServer({
      answer: (prompt) => {
        seen.push(prompt);
        const question = prompt.replace(`\n\n${INSTRUCTION}`, '');
        const easy = readFileSync(mathEasy, 'utf8').includes(JSON.stringify(question));
        return easy ? `The answer is ${answers.get(question)}.` : 'The answer is 1000.';
      },
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pairs the files by key, applies the template, keeps the unused fields under meta, and evaluates the suite', async () => {
    const out = path.join(dir, 'math.yaml');
    const imported = await cli('probes', 'import', '--easy', mathEasy, '--hard', mathHard, '--key', 'key', '--prompt', 'question', '--answer', 'answer_only', '--template', `{prompt}\n\n${INSTRUCTION}`, '--out', out);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^wrote .*math\.yaml: 4 pairs in family imported\.math \(suite math, version [0-9a-f]{16}\)$/m);

    const suite = loadSuite(out);
    expect(suite.pairs).toHaveLength(4);
    const first = suite.pairs[0]!;
    expect(first.id).toBe('imported.math#0');
    expect(first.easy.prompt).toBe(`A box holds 6 pencils. How many pencils are in 4 boxes?\n\n${INSTRUCTION}`);
    expect(first.easy.answer).toBe('24');
    expect(first.hard.answer).toBe('27');
    expect(first.easy.grader).toEqual({ kind: 'numeric' });
    expect(first.easy.meta).toEqual({ answer: 'Each box has 6 pencils, so 4 boxes hold 4 * 6 = 24 pencils.' });

    const validated = await cli('probes', 'validate', out);
    expect(validated.stdout).toMatch(/^ok: 1 family, 4 pairs/);

    const run = await cli('eval', '--suite', out, '--base-url', server.url, '--model-name', 'easy-only', '--json');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { counts: { pass: number; fail: number; error: number } };
    expect(report.counts).toMatchObject({ pass: 4, fail: 4, error: 0 });
    // Every dataset question reached the model with the template's instruction (the preflight's own ping aside).
    const questions = [...new Set(seen)].filter((prompt) => [...answers.keys()].some((q) => prompt.startsWith(q)));
    expect(questions).toHaveLength(8);
    for (const prompt of questions) expect(prompt.endsWith(`\n\n${INSTRUCTION}`)).toBe(true);
  });

  it('imports the one-file form (easy_ and hard_ columns of a CSV) and flags a pair whose two answers are equal', async () => {
    const out = path.join(dir, 'yes-no.yaml');
    const res = await cli('probes', 'import', '--file', path.join(datasets, 'pairs.csv'), '--key', 'id', '--prompt', 'question', '--out', out);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/pairs\.csv:2: hard_answer: warning: same answer as its easy twin \("yes"/);
    const suite = loadSuite(out);
    expect(suite.pairs.map((p) => p.id)).toEqual(['imported.yes-no#a1', 'imported.yes-no#a2']);
    expect(suite.pairs[1]!.hard.answer).toBe('yes');
    expect(suite.pairs[0]!.easy.grader).toEqual({ kind: 'yesno' });
    expect(suite.pairs[0]!.easy.meta).toEqual({ level: '2' });
  });

  it('reports unmatched keys, duplicates and missing fields as file:line: field: message, and writes nothing', async () => {
    const easy = write('e.jsonl', jsonl([
      { key: 'a', question: 'What is 1 + 1?', answer_only: '2' },
      { key: 'b', question: 'What is 2 + 2?', answer_only: '4' },
      { key: 'a', question: 'What is 3 + 3?', answer_only: '6' },
      { key: 'c', question: 'What is 5 + 5?' },
    ]));
    const hard = write('h.jsonl', jsonl([
      { key: 'a', question: 'What is (1 + 1) * 7?', answer_only: '14' },
      { key: 'c', question: 'What is (5 + 5) * 3?', answer_only: '30' },
      { key: 'z', question: 'What is 9 * 9?', answer_only: '81' },
    ]));
    const out = path.join(dir, 'broken.yaml');
    const res = await cli('probes', 'import', '--easy', easy, '--hard', hard, '--key', 'key', '--prompt', 'question', '--answer', 'answer_only', '--out', out);
    expect(res.code).toBe(1);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toContain(`${easy}:3: key: duplicate key "a" (first at line 1)`);
    expect(lines).toContain(`${easy}:2: key: no record with key "b" in ${hard}`);
    expect(lines).toContain(`${hard}:3: key: no record with key "z" in ${easy}`);
    expect(lines).toContain(`${easy}:4: answer_only: required (an empty or missing answer)`);
    expect(lines.at(-1)).toBe('nothing written: 4 problems');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to overwrite a suite file, and names a bad flag', async () => {
    const out = write('taken.yaml', 'id: taken\n');
    const res = await cli('probes', 'import', '--easy', mathEasy, '--hard', mathHard, '--key', 'key', '--out', out);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--out: .*taken\.yaml exists \(add --force to overwrite it\)/);
    expect(readFileSync(out, 'utf8')).toBe('id: taken\n');

    const noKey = await cli('probes', 'import', '--easy', mathEasy, '--hard', mathHard, '--out', path.join(dir, 'x.yaml'));
    expect(noKey.stderr).toMatch(/^sawtooth probes: --key: required/);
    const badGrader = await cli('probes', 'import', '--easy', mathEasy, '--hard', mathHard, '--key', 'key', '--grader', 'fuzzy', '--out', path.join(dir, 'x.yaml'));
    expect(badGrader.stderr).toMatch(/^sawtooth probes: --grader: /);
    const badTemplate = await cli('probes', 'import', '--easy', mathEasy, '--hard', mathHard, '--key', 'key', '--template', 'Answer briefly.', '--out', path.join(dir, 'x.yaml'));
    expect(badTemplate.stderr).toMatch(/--template: must contain "\{prompt\}"/);
  });
});
