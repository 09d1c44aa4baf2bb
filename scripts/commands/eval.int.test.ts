import { sql } from 'drizzle-orm';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pairProbes } from '../../evals/contracts';
import { loadSuite } from '../../evals/suites';
import { createCaller } from '../../server/trpc/root';
import { spawnCli } from '../../testing/cli/spawn-cli';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';

// `sawtooth eval` as a user runs it: a child process given the database (SQLite file or PostgreSQL URL) through its
// environment, on both backends.

/**
 * A deterministic "model" with a known jagged pattern: it fails every easy probe of every third pair and every hard
 * probe of every fifth, and answers contrast twins right (so a tier passes exactly when its probe does).
 */
function jaggedAnswerer() {
  const suite = loadSuite('core');
  const byPrompt = new Map<string, { answer: string; wrong: boolean }>();
  let expectedPasses = 0;
  suite.pairs.forEach((pair, i) => {
    byPrompt.set(pair.easy.prompt, { answer: pair.easy.answer, wrong: i % 3 === 0 });
    byPrompt.set(pair.hard.prompt, { answer: pair.hard.answer, wrong: i % 5 === 0 });
    if (pair.easyTwin) byPrompt.set(pair.easyTwin.prompt, { answer: pair.easyTwin.answer, wrong: false });
    if (pair.hardTwin) byPrompt.set(pair.hardTwin.prompt, { answer: pair.hardTwin.answer, wrong: false });
    expectedPasses += Number(i % 3 !== 0) + Number(i % 5 !== 0);
  });
  const answer = (prompt: string) => {
    const probe = byPrompt.get(prompt);
    if (!probe) return 'I do not know.';
    return probe.wrong ? 'Let me think. The answer is definitely not obvious, so I cannot say.' : `Working it out step by step.\n\nThe answer is ${probe.answer}.`;
  };
  return { suite, answer, expectedPasses };
}

describeEachBackend('sawtooth eval against an OpenAI-compatible server on loopback', (dialect) => {
  let server: OpenAITestServer;
  let database: TestDatabase;
  const model = jaggedAnswerer();

  async function cli(args: string[]) {
    const child = spawnCli(args, { ...database.env, SAWTOOTH_CONFIG: path.join(tmpdir(), 'sawtooth-eval-no-config.json') });
    const code = await child.exited;
    return { code, stdout: child.stdout(), stderr: child.stderr() };
  }
  const count = async (query: ReturnType<typeof sql>) => (await database.store.get<{ n: number }>(query))!.n;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    server = await startOpenAITestServer({
      answer: model.answer,
      // Transient faults the runner must ride out: the first two requests of one probe are rate-limited, one 500s.
      faults: [
        { match: new RegExp(model.suite.pairs[4]!.easy.prompt.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), times: 2, fault: { type: 'status', status: 429, retryAfterMs: 20 } },
        { match: new RegExp(model.suite.pairs[7]!.hard.prompt.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), times: 1, fault: { type: 'status', status: 500 } },
      ],
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('answers every probe once, grades it, stores it, and prints the JSON summary', async () => {
    const { code, stdout, stderr } = await cli(['eval', '--suite', 'core', '--base-url', server.url, '--model-name', 'jagged-1', '--concurrency', '8', '--json']);
    expect(stderr).not.toMatch(/Error:/);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^run \d+$/);
    const report = JSON.parse(lines.at(-1)!);
    // Counts are per tier of a pair (a probe with its contrast twin is one answer); the run stores every probe.
    const tiers = model.suite.pairs.length * 2;
    const probes = model.suite.pairs.reduce((n, pair) => n + pairProbes(pair).length, 0);
    expect(report.counts.pass + report.counts.fail + report.counts.error + report.counts.refusal).toBe(tiers);
    expect(report.counts.error).toBe(0);
    expect(report.counts.pass).toBe(model.expectedPasses);
    expect(report.families.length).toBe(model.suite.families.length);
    for (const f of report.families) {
      expect(f.easy.n).toBeGreaterThan(0);
      expect(f.easy.lo).toBeLessThanOrEqual(f.easy.acc);
      expect(f.easy.hi).toBeGreaterThanOrEqual(f.easy.acc);
    }
    // Pairs i % 3 == 0 fail easy; of those, the ones with i % 5 != 0 pass hard: inversions exist, so J > 0.
    expect(report.inversion.j).toBeGreaterThan(0);
    expect(report.inversion.lo).toBeLessThanOrEqual(report.inversion.j);
    const runId = report.runs[0];

    // The same numbers come back through the tRPC procedures the dashboard uses.
    const caller = createCaller({ store: database.store });
    const page = await caller.models.get({ id: report.model });
    expect(page.profile).toEqual(report);
    expect(page.points).toHaveLength(model.suite.families.length * 2);
    const run = await caller.runs.get({ id: runId });
    expect(run.run.status).toBe('completed');
    expect(run.run.expected).toBe(probes);
    const stored = await database.store.get(sql`SELECT count(*) AS n, count(DISTINCT probe_key) AS d FROM results WHERE run_id = ${runId}`);
    expect(stored).toEqual({ n: probes, d: probes });
    const failed = await caller.runs.results({ id: runId, outcome: 'fail', limit: 5 });
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.reason.length).toBeGreaterThan(0);
  });

  it('refuses bad flags with one line naming the flag', async () => {
    const bad = await cli(['eval', '--suite', 'core', '--model', 'x', '--concurrency', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--concurrency/);

    const unknownFlag = await cli(['eval', '--suite', 'core', '--modle', 'x']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/--modle/);

    const unknownModel = await cli(['eval', '--suite', 'core', '--model', 'no-such-model']);
    expect(unknownModel.code).toBe(2);
    expect(unknownModel.stderr).toMatch(/unknown model "no-such-model"/);

    const unknownSuite = await cli(['eval', '--suite', 'no-such-suite', '--base-url', server.url, '--model-name', 'm']);
    expect(unknownSuite.code).toBe(2);
    expect(unknownSuite.stderr).toMatch(/--suite/);
  });

  it('says clearly when the endpoint cannot be reached, and stores no run', async () => {
    const runsBefore = await count(sql`SELECT count(*) AS n FROM runs`);
    // Port 9 (discard) on loopback: nothing listens there.
    const res = await cli(['eval', '--suite', 'core', '--base-url', 'http://127.0.0.1:9/v1', '--model-name', 'm']);
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/connection/);
    expect(await count(sql`SELECT count(*) AS n FROM runs`)).toBe(runsBefore);
    expect(await count(sql`SELECT count(*) AS n FROM models WHERE model_name = 'm'`)).toBe(0);
  });
});
