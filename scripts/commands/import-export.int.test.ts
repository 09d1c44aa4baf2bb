import { sqliteStore } from '../../db/store';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';

// This file's process gets its own database file and config (env is read once per process).
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-import-'));
process.env.SAWTOOTH_DB = path.join(dir, 'sawtooth.db');
process.env.SAWTOOTH_CONFIG = path.join(dir, 'none.json');

const { main } = await import('../cli');
const { openDb } = await import('../../db/client');
const { createCaller } = await import('../../server/trpc/root');
const { runPairCounts } = await import('../../db/queries/pair-tallies');
const { loadSuite } = await import('../../evals/suites');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

const db = openDb(process.env.SAWTOOTH_DB);
const caller = createCaller({ store: sqliteStore(db) });
const family = { id: 'arithmetic.halving', domain: 'arithmetic', title: 'Halving', description: 'Halving a number.', pairRule: 'The hard probe halves a larger number: the same skill at more digits.' };
const runCount = () => (db.$client.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('sawtooth import / export through main()', () => {
  let server: OpenAITestServer;

  beforeAll(async () => {
    for (const n of [10, 20]) {
      await caller.probes.save({ suiteId: 'halves', newFamily: n === 10 ? family : undefined, draft: { family: family.id, easy: { prompt: `Half of ${n}?`, answer: String(n / 2) }, hard: { prompt: `Half of ${n * 1000}?`, answer: String(n * 500) }, grader: { kind: 'numeric' } } });
    }
    server = await startOpenAITestServer({ answer: (prompt) => `It is ${Number(/of (\d+)/.exec(prompt)?.[1] ?? 0) / 2}.` });
  });
  afterAll(async () => {
    await server.close();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a generic JSONL: labels, answers to grade, probes matched by id and by prompt join their pairs', async () => {
    const lines = [
      { model: 'ext-model', probe: 'arithmetic.halving#000/easy', response: '5', correct: true },
      { model: 'ext-model', prompt: 'Half of 10000?', response: 'about 4000' }, // matched by prompt, graded with the probe's own answer
      { model: 'ext-model', prompt: 'Half of 10000?', response: '5000' }, // a second sample of the same probe
      { model: 'ext-model', prompt: 'Capital of France?', response: 'Paris.', answer: 'Paris', task: 'geo' },
      { model: 'ext-model', prompt: 'Capital of Peru?', error: 'upstream timeout', error_kind: 'timeout' },
    ];
    const { code, stdout } = await cli(['import', file('ext.jsonl', lines.map((l) => JSON.stringify(l)).join('\n')), '--json']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ format: 'jsonl', matched: 3, unpaired: 2, runs: [{ modelId: 'ext-model', results: 5, pass: 3, fail: 1, error: 1 }] });
    const runId = summary.runs[0].runId as number;
    const pairs = await runPairCounts(sqliteStore(db), runId);
    expect(pairs).toEqual([expect.objectContaining({ pairId: 'arithmetic.halving#000', easy: { pass: 1, fail: 0, error: 0, refusal: 0 }, hard: { pass: 1, fail: 1, error: 0, refusal: 0 } })]);
    const samples = db.$client.prepare('SELECT sample FROM results WHERE run_id = ? ORDER BY id').all(runId).map((r) => (r as { sample: number }).sample);
    expect(samples).toEqual([1, 1, 2, 1, 1]);
    expect((await caller.runs.get({ id: runId })).run).toMatchObject({ origin: 'import', status: 'completed', expected: 5 });

    const again = await cli(['import', path.join(dir, 'ext.jsonl')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`already imported for model "ext-model" as run ${runId}`);
  });

  it('reports every bad line as file:line: field and writes nothing', async () => {
    const before = runCount();
    const text = [
      JSON.stringify({ model: 'm', prompt: 'Half of 10?', response: '5', correct: true }),
      '{not json',
      JSON.stringify({ model: 'm', prompt: 'Half of 10?', response: '5', correct: 'yes' }),
      JSON.stringify({ prompt: 'Half of 10?', response: '5', correct: true }),
    ].join('\n');
    const bad = file('bad.jsonl', text);
    const { code, stderr } = await cli(['import', bad]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${bad}:2: not valid JSON`);
    expect(stderr).toContain(`${bad}:3: correct:`);
    expect(stderr).toContain(`${bad}:4: model: required`);
    expect(stderr).toContain('nothing was imported');
    expect(runCount()).toBe(before);
  });

  it('imports lm-evaluation-harness samples (generation and multiple choice), keeping one filter', async () => {
    const samples = [
      { doc_id: 0, doc: { question: 'Half of 20?' }, target: '10', arguments: [['Half of 20?', { until: ['\n'] }]], resps: [['The answer is 10']], filtered_resps: ['10'], filter: 'strict-match', metrics: ['exact_match'], exact_match: 1.0 },
      { doc_id: 0, doc: { question: 'Half of 20?' }, target: '10', arguments: [['Half of 20?', {}]], resps: [['The answer is 10']], filtered_resps: ['10'], filter: 'flexible-extract', metrics: ['exact_match'], exact_match: 1.0 },
      { doc_id: 1, doc: { question: 'Is 7 prime?' }, target: 0, arguments: { gen_args_0: { arg_0: 'Is 7 prime?', arg_1: ' yes' }, gen_args_1: { arg_0: 'Is 7 prime?', arg_1: ' no' } }, resps: [[[-0.5, true]], [[-2.0, false]]], filtered_resps: [[-0.5, true], [-2.0, false]], filter: 'strict-match', metrics: ['acc'], acc: 1.0 },
      { doc_id: 2, doc: { question: 'Half of 7?' }, target: '3.5', arguments: [['Half of 7?', {}]], resps: [['3']], filtered_resps: ['3'], filter: 'strict-match', metrics: ['exact_match'], exact_match: 0.0 },
    ];
    const name = file('samples_halving_2026-01-01T00-00-00.000.jsonl', samples.map((s) => JSON.stringify(s)).join('\n'));
    const noModel = await cli(['import', name]);
    expect(noModel.code).toBe(1);
    expect(noModel.stderr).toContain('--model');
    const { code, stdout } = await cli(['import', name, '--model', 'hf-model', '--json']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ format: 'lm-eval', skipped: 1, matched: 1, unpaired: 2, runs: [{ modelId: 'hf-model', results: 3, pass: 2, fail: 1 }] });
    const mc = db.$client.prepare(`SELECT response, extracted FROM results r JOIN probes p ON p.key = r.probe_key WHERE p.prompt = 'Is 7 prime?'`).get();
    expect(mc).toEqual({ response: 'yes', extracted: '0' });
  });

  it('imports a promptfoo JSON export, one run per provider', async () => {
    const exportJson = {
      evalId: 'eval-1',
      results: {
        version: 3,
        results: [
          { provider: { id: 'openai:gpt-4o-mini' }, prompt: { raw: 'Half of 10?' }, response: { output: '5' }, success: true, score: 1, gradingResult: { pass: true, reason: 'All assertions passed' }, latencyMs: 120 },
          { provider: { id: 'openai:gpt-4o-mini' }, prompt: { raw: 'Say <script>alert(1)</script>' }, response: { output: '<script>alert(1)</script>' }, success: false, gradingResult: { pass: false, reason: 'Expected output to contain "ok"' } },
          { provider: { id: 'ollama:llama3' }, prompt: { raw: 'Half of 10?' }, response: null, success: false, failureReason: 2, error: 'connect ECONNREFUSED' },
        ],
      },
    };
    const { code, stdout } = await cli(['import', file('promptfoo-results.json', JSON.stringify(exportJson)), '--json']);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(summary.runs).toEqual([
      expect.objectContaining({ modelId: 'openai-gpt-4o-mini', pass: 1, fail: 1, error: 0 }),
      expect.objectContaining({ modelId: 'ollama-llama3', pass: 0, fail: 0, error: 1 }),
    ]);
    const bad = await cli(['import', file('broken.json', JSON.stringify({ results: { results: [{ prompt: { raw: 'x' } }] } }))]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('results.results[0].success');
  });

  it('exports a run as CSV and JSON (every result, one row each) and a suite as a file the CLI reads', async () => {
    const run = (await caller.runs.page({ limit: 100 })).rows.find((r) => r.modelId === 'ext-model')!;
    const csvFile = path.join(dir, 'out.csv');
    expect((await cli(['export', '--run', String(run.id), '--format', 'csv', '--out', csvFile])).code).toBe(0);
    const rows = parseCsv(readFileSync(csvFile, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ run_id: String(run.id), model_id: 'ext-model', probe_id: 'arithmetic.halving#000/easy', outcome: 'pass' });
    const json = await cli(['export', '--model', 'openai-gpt-4o-mini', '--suite', 'imported', '--format', 'json']);
    const parsed = JSON.parse(json.stdout) as Array<{ response: string }>;
    expect(parsed.map((r) => r.response)).toEqual(['5', '<script>alert(1)</script>']);
    expect((await cli(['export', '--run', '999', '--format', 'csv'])).stderr).toContain('no run 999');

    const suiteFile = path.join(dir, 'halves.yaml');
    expect((await cli(['export', '--suite', 'halves', '--format', 'yaml', '--out', suiteFile])).code).toBe(0);
    expect(loadSuite(suiteFile).pairs.map((p) => p.id)).toEqual(['arithmetic.halving#000', 'arithmetic.halving#001']);
    const validated = await cli(['probes', 'validate', suiteFile]);
    expect(validated.stdout).toMatch(/^ok: 1 family, 2 pairs/);
  });

  it('evaluates a user suite by id with sawtooth eval', async () => {
    const { code, stdout } = await cli(['eval', '--suite', 'halves', '--base-url', server.url, '--model-name', 'halver', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(report).toMatchObject({ suite: { id: 'halves' } });
    const run = (await caller.runs.get({ id: report.runs[0] })).run;
    expect(run).toMatchObject({ passCount: 4, expected: 4, suiteId: 'halves' });
  });
});
