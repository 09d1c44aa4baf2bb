import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { upsertModel } from '../../db/queries/models';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../testing/store-backends/backends';
import type { Pair, Probe, Suite } from '../../evals/contracts';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';
import { createCaller } from '../trpc/root';
import { createRun } from './create-run';
import { createSchedulerRegistry, providerFor } from './endpoints';
import { createSqlRunQueue } from './run-queue';
import { Worker } from './worker';

// A suite of our own with contrast twins, three families, and a model whose endpoint declares two of them on
// /v1/models (as our checkpoint server does): the third is never sent and shows "not evaluated"; refusals are their
// own outcome with no ticks; a tier with a twin passes only when both probes pass, and chance multiplies.
const PAIRS = 6;

const family = (id: string) => ({ id, domain: 'testing', title: id, description: `${id} probes`, pairRule: 'the hard one needs the easy one' });
const probe = (id: string, fam: string, tier: 'easy' | 'hard', prompt: string, answer: string, grader: Probe['grader']): Probe => ({ id, family: fam, tier, prompt, answer, grader });

function buildSuite(): Suite {
  const pairs: Pair[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const id = `testing.yesno#${String(i).padStart(3, '0')}`;
    pairs.push({
      id, family: 'testing.yesno',
      easy: probe(`${id}/easy`, 'testing.yesno', 'easy', `Is ${i + 2} greater than 1?`, 'yes', { kind: 'yesno' }),
      easyTwin: probe(`${id}/easy-twin`, 'testing.yesno', 'easy', `Is ${i + 2} less than 1?`, 'no', { kind: 'yesno' }),
      hard: probe(`${id}/hard`, 'testing.yesno', 'hard', `What is ${i + 2} times 111?`, String((i + 2) * 111), { kind: 'numeric' }),
    });
  }
  for (let i = 0; i < PAIRS; i++) {
    const id = `testing.math#${String(i).padStart(3, '0')}`;
    pairs.push({
      id, family: 'testing.math',
      easy: probe(`${id}/easy`, 'testing.math', 'easy', `What is ${i} plus 1?`, String(i + 1), { kind: 'numeric' }),
      hard: probe(`${id}/hard`, 'testing.math', 'hard', `What is ${i} plus 1001, squared?`, String((i + 1001) ** 2), { kind: 'numeric' }),
    });
  }
  for (let i = 0; i < PAIRS; i++) {
    const id = `testing.other#${String(i).padStart(3, '0')}`;
    pairs.push({
      id, family: 'testing.other',
      easy: probe(`${id}/easy`, 'testing.other', 'easy', `Other easy ${i}?`, String(i), { kind: 'numeric' }),
      hard: probe(`${id}/hard`, 'testing.other', 'hard', `Other hard ${i}?`, String(i * 7), { kind: 'numeric' }),
    });
  }
  return { id: 'scoped-test', title: 'Scoped test', description: '', version: 'abcdefabcdef0001', families: [family('testing.yesno'), family('testing.math'), family('testing.other')], pairs };
}

describeEachBackend('model scope, refusals and contrast twins through a real run', (dialect) => {
  const suite = buildSuite();
  const answers = new Map<string, string>();
  for (const [i, pair] of suite.pairs.entries()) {
    for (const p of [pair.easy, pair.easyTwin, pair.hard].filter((x): x is Probe => x !== undefined)) answers.set(p.prompt, p.answer);
    // The twin of the first yes/no pair is answered wrong: that easy tier fails although its probe passed.
    if (i === 0) answers.set(pair.easyTwin!.prompt, 'yes');
  }
  // The model refuses the hard math probes of pairs 0-2 (an out-of-scope notice, as our checkpoints word it).
  const refused = new Set(suite.pairs.filter((p) => p.family === 'testing.math').slice(0, 3).map((p) => p.hard.prompt));
  let server: OpenAITestServer;
  let database: TestDatabase;
  let caller: ReturnType<typeof createCaller>;
  let runId = 0;

  beforeAll(async () => {
    server = await startOpenAITestServer({
      models: ['scoped'],
      modelFields: { scoped: { families: ['testing.yesno', 'testing.math'] } },
      answer: (prompt) => (refused.has(prompt) ? "I'm sorry, but I can't help with that: it is outside what I was trained on." : `The answer is ${answers.get(prompt) ?? '0'}.`),
      extension: (prompt) => ({ ticksUsed: prompt.length % 7 + 3 }),
    });
    database = await freshDatabase(dialect);
    const { store } = database;
    caller = createCaller({ store });
    await upsertModel(store, {
      id: 'scoped', label: 'Scoped', arch: 'ctm', baseUrl: server.url, modelName: 'scoped', apiKeyEnv: null, temperature: null,
      maxTokens: null, systemPrompt: null, reasoning: false, priceInput: null, priceOutput: null, origin: 'cli',
    });
    runId = await createRun(store, { modelId: 'scoped', suite, settings: { concurrency: 4 } });
    const worker = new Worker({ store, queue: createSqlRunQueue(store), provider: providerFor, scheduler: createSchedulerRegistry() });
    await worker.runOnce(runId);
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('never sends a probe outside the declared scope, and expects only what it sends', async () => {
    const prompts = server.log().filter((r) => r.path === '/v1/chat/completions').map((r) => r.prompt ?? '');
    expect(prompts.some((p) => p.startsWith('Other'))).toBe(false);
    const run = await database.store.get<{ scope: string }>(sql`
      SELECT status, expected, scope, refusal_count AS refused, pass_count + fail_count + error_count + refusal_count AS done FROM runs`);
    // yes/no pairs: easy + twin + hard; math pairs: easy + hard.
    expect({ ...run, scope: JSON.parse(run!.scope) as unknown }).toEqual({
      status: 'completed', expected: PAIRS * 3 + PAIRS * 2, scope: ['testing.math', 'testing.yesno'], refused: 3, done: PAIRS * 5,
    });
    expect(prompts).toHaveLength(PAIRS * 5);
  });

  it('stores refusals as their own outcome, without ticks', async () => {
    const rows = await database.store.all(sql`SELECT outcome, ticks FROM results WHERE reason LIKE 'refusal%'`);
    expect(rows).toEqual(Array.from({ length: 3 }, () => ({ outcome: 'refusal', ticks: null })));
  });

  it('shows the out-of-scope family as not evaluated, joins twins, and multiplies chance', async () => {
    const { profile } = await caller.models.get({ id: 'scoped', suite: 'scoped-test' });
    const byId = new Map(profile!.families.map((f) => [f.id, f]));
    const other = byId.get('testing.other')!;
    expect(other.evaluated).toBe(false);
    expect(other).not.toHaveProperty('easy');
    const yesno = byId.get('testing.yesno')!;
    expect(yesno.chance).toBe(0.25);
    if (!yesno.evaluated) throw new Error('yes/no family should be evaluated');
    // Pair 0's easy tier fails (its twin was answered wrong), the other five pass; every hard probe passes.
    expect(yesno.easy).toMatchObject({ acc: 5 / 6, n: 6 });
    expect(yesno.hard).toMatchObject({ acc: 1, n: 6 });
    const math = byId.get('testing.math')!;
    expect(math.refusals).toBe(3);
    if (!math.evaluated) throw new Error('math family should be evaluated');
    // Refused pairs are left out of accuracy: 3 pairs remain, all right.
    expect(math.nPairs).toBe(3);
    expect(math.hard.acc).toBe(1);
    expect(profile!.counts.refusal).toBe(3);
  });

  it('stores the profile its completion made the default (profile_cache), as the model page shows it', async () => {
    const row = (await database.store.get<{ runIds: string; profile: string }>(sql`
      SELECT run_ids AS "runIds", profile FROM profile_cache WHERE model_id = 'scoped'`))!;
    expect(JSON.parse(row.runIds)).toEqual([runId]);
    const { profile } = await caller.models.get({ id: 'scoped', suite: 'scoped-test' });
    expect(JSON.parse(row.profile)).toEqual(profile);
  });

  it("draws thinking time only for the evaluated families' answers: no empty bars", async () => {
    const ticks = await caller.models.thinkingTime({ id: 'scoped', suite: 'scoped-test' });
    expect(ticks.runs).toBe(1);
    expect(new Set(ticks.families.map((f) => f.family))).toEqual(new Set(['testing.math', 'testing.yesno']));
    expect(ticks.families.every((f) => f.n > 0)).toBe(true);
  });
});
