import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../../db/store';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../../testing/store-backends/backends';
import { suitePairRows } from '../../../db/queries/suite-catalog';
import { suiteKeyOf } from '../../../db/queries/suite-lookups';
import { parseSuiteFile, serializeSuite } from '../../../evals/suites';
import { startOpenAITestServer, type OpenAITestServer } from '../../../testing/openai-test-server';
import { resolveSuite } from '../../suites/resolve-suite';
import { createCaller } from '../root';

const family = { id: 'arithmetic.doubling', domain: 'arithmetic', title: 'Doubling', description: 'Doubling a number.', pairRule: 'The hard probe doubles a larger number: the same skill at more digits.' };
const draft = (n: number) => ({ family: family.id, easy: { prompt: `What is 2 × ${n}?`, answer: String(2 * n) }, hard: { prompt: `What is 2 × ${n * 1001}?`, answer: String(2 * n * 1001) }, grader: { kind: 'numeric' as const } });

describeEachBackend('suites and probes routers', (dialect) => {
  let database: TestDatabase;
  let db: Store;
  let dir: string;
  let server: OpenAITestServer;
  let caller: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-probes-'));
    database = await freshDatabase(dialect);
    db = database.store;
    caller = createCaller({ store: db });
    // Answers easy probes right and hard ones wrong: a known pattern for "try it".
    server = await startOpenAITestServer({ answer: (prompt) => (prompt.includes('× 7?') ? 'The answer is 14.' : 'I think 5.') });
    await caller.adminModels.create({ id: 'tester', label: 'Tester', arch: 'llm', baseUrl: server.url, modelName: 'test-model', apiKeyEnv: null, temperature: null, maxTokens: null, systemPrompt: null, reasoning: false, priceInput: null, priceOutput: null });
  });
  afterAll(async () => {
    await server.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tries a draft pair on a model server-side and grades both answers', async () => {
    const result = await caller.probes.try({ modelId: 'tester', draft: draft(7) });
    expect(result.easy).toMatchObject({ ok: true, pass: true, extracted: '14' });
    expect(result.hard).toMatchObject({ ok: true, pass: false });
  });

  it('saves pairs into a user suite (new family first), keyed 000, 001, and resolvable by id', async () => {
    const first = await caller.probes.save({ suiteId: 'my-probes', suiteTitle: 'My probes', newFamily: family, draft: draft(7) });
    expect(first).toMatchObject({ suiteId: 'my-probes', pairId: 'arithmetic.doubling#000', pairs: 1 });
    const second = await caller.probes.save({ suiteId: 'my-probes', draft: draft(8) });
    expect(second.pairId).toBe('arithmetic.doubling#001');
    expect(second.version).not.toBe(first.version);
    const suite = await resolveSuite(db, 'my-probes');
    expect(suite.pairs.map((p) => p.hard.answer)).toEqual(['14014', '16016']);
    expect(suite.title).toBe('My probes');
    const list = await caller.suites.list();
    expect(list.find((s) => s.id === 'my-probes')).toMatchObject({ kind: 'user', pairs: 2, families: 1 });
  });

  it('refuses a duplicate prompt, a new family that exists, and a user suite named like a built-in one', async () => {
    await expect(caller.probes.save({ suiteId: 'my-probes', draft: draft(7) })).rejects.toThrow(/same prompt as pair "arithmetic.doubling#000"/);
    await expect(caller.probes.save({ suiteId: 'other', newFamily: family, draft: draft(9) })).rejects.toThrow(/already exists/);
    await expect(caller.probes.save({ suiteId: 'Bad Id', draft: draft(9) })).rejects.toThrow(/suite id/);
    expect((await resolveSuite(db, 'my-probes')).pairs).toHaveLength(2);
  });

  it('browses pairs with domain, family, tier and text filters, paged in SQL', async () => {
    const all = await caller.suites.pairs({ id: 'my-probes', limit: 1 });
    expect(all.total).toBe(2);
    expect(all.rows).toHaveLength(1);
    expect((await caller.suites.pairs({ id: 'my-probes', q: '16016' })).rows.map((r) => r.pairId)).toEqual(['arithmetic.doubling#001']);
    expect((await caller.suites.pairs({ id: 'my-probes', q: '16016', tier: 'easy' })).total).toBe(0);
    expect((await caller.suites.pairs({ id: 'my-probes', domain: 'olympiad' })).total).toBe(0);
    expect((await caller.suites.pairs({ id: 'my-probes', family: family.id, offset: 1 })).rows[0]!.pairId).toBe('arithmetic.doubling#001');
    expect((await caller.suites.pairs({ id: 'my-probes', q: '100%' })).total).toBe(0); // % is literal, not a wildcard
    expect(await caller.suites.families({ id: 'my-probes' })).toEqual([expect.objectContaining({ id: family.id, pairs: 2 })]);
  });

  it('imports a CSV with a bad line: names line and column, and stores nothing', async () => {
    const csv = [
      'family,easy_prompt,easy_answer,hard_prompt,hard_answer,grader',
      'arithmetic.doubling,What is 2 × 20?,40,What is 2 × 20020?,40040,numeric',
      'arithmetic.doubling,What is 2 × 21?,,What is 2 × 21021?,42042,numeric',
      'arithmetic.doubling,What is 2 × 22?,44,What is 2 × 22022?,44044,numerik',
    ].join('\n');
    const before = (await resolveSuite(db, 'my-probes')).version;
    const result = await caller.suites.importFile({ suiteId: 'my-probes', fileName: 'bad.csv', text: csv });
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'bad.csv', line: 3, field: 'easy_answer', message: 'required' }),
      expect.objectContaining({ file: 'bad.csv', line: 4, field: 'grader' }),
    ]));
    expect((await resolveSuite(db, 'my-probes')).version).toBe(before);
  });

  it('imports good CSV, JSONL and YAML files into a user suite', async () => {
    const csv = 'family,key,easy_prompt,easy_answer,hard_prompt,hard_answer,grader,domain,family_title,family_description,pair_rule\n'
      + 'commonsense.opposites,a,"Opposite of ""hot""?",cold,Opposite of the opposite of hot?,hot,text,commonsense,Opposites,Antonyms.,The hard probe applies the easy one twice.\n';
    const fromCsv = await caller.suites.importFile({ suiteId: 'imported-probes', fileName: 'ok.csv', text: csv });
    expect(fromCsv).toMatchObject({ ok: true, added: 1, pairs: 1 });
    const jsonl = `${JSON.stringify({ type: 'pair', family: 'commonsense.opposites', key: 'b', easy: { prompt: 'Opposite of up?', answer: 'down', grader: 'text' }, hard: { prompt: 'Opposite of the opposite of up?', answer: 'up', grader: 'text' } })}\n`;
    expect(await caller.suites.importFile({ suiteId: 'imported-probes', fileName: 'more.jsonl', text: jsonl })).toMatchObject({ ok: true, added: 1, pairs: 2 });
    const yaml = 'families:\n  - {generator: arithmetic.fractions, seed: 1, count: 1}\n';
    const generated = await caller.suites.importFile({ suiteId: 'imported-probes', fileName: 'gen.yaml', text: yaml });
    expect(generated.ok).toBe(true);
    const include = await caller.suites.importFile({ suiteId: 'imported-probes', fileName: 'inc.yaml', text: 'families:\n  - {items: /etc/passwd}\n' });
    expect(include.ok).toBe(false);
    expect(include.issues).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'items' })]));
  });

  it('exports a user suite to a file that the suite loader reads back to the same version', async () => {
    const suite = await resolveSuite(db, 'my-probes');
    for (const format of ['yaml', 'jsonl'] as const) {
      const file = path.join(dir, `my-probes.${format}`);
      writeFileSync(file, serializeSuite(suite, format));
      const back = parseSuiteFile(serializeSuite(suite, format), file);
      expect(back.version).toBe(suite.version);
      expect(back.pairs).toEqual(suite.pairs);
    }
  });

  it('renames a user suite, removes a pair as a new version (runs keep theirs), and removes the suite', async () => {
    await caller.probes.save({ suiteId: 'tidy-me', suiteTitle: 'Tidy me', newFamily: { ...family, id: 'arithmetic.tripling', title: 'Tripling' }, draft: { ...draft(3), family: 'arithmetic.tripling' } });
    await caller.probes.save({ suiteId: 'tidy-me', draft: { ...draft(4), family: 'arithmetic.tripling' } });
    const before = await resolveSuite(db, 'tidy-me');
    await caller.suites.rename({ id: 'tidy-me', title: 'Tidied' });
    expect((await caller.suites.list()).find((s) => s.id === 'tidy-me')).toMatchObject({ title: 'Tidied', pairs: 2 });
    await expect(caller.suites.rename({ id: 'tidy-me', title: '  ' })).rejects.toThrow(/cannot be empty/);

    expect(await caller.suites.removePair({ id: 'tidy-me', pairId: 'arithmetic.tripling#000' })).toEqual({ pairs: 1 });
    const after = await resolveSuite(db, 'tidy-me');
    expect(after.pairs.map((p) => p.id)).toEqual(['arithmetic.tripling#001']);
    expect(after.version).not.toBe(before.version);
    // The version a run may have been made on is still stored, with the removed pair.
    expect(await suitePairRows(db, (await suiteKeyOf(db, 'tidy-me', before.version))!)).toHaveLength(2);
    await expect(caller.suites.removePair({ id: 'tidy-me', pairId: 'arithmetic.tripling#000' })).rejects.toThrow(/no pair "arithmetic.tripling#000"/);
    await expect(caller.suites.removePair({ id: 'tidy-me', pairId: 'arithmetic.tripling#001' })).rejects.toThrow(/last pair .* remove the suite instead/);

    await caller.suites.remove({ id: 'tidy-me' });
    expect((await caller.suites.list()).map((s) => s.id)).not.toContain('tidy-me');
    expect(await suitePairRows(db, (await suiteKeyOf(db, 'tidy-me', after.version))!)).toHaveLength(1);
    await expect(caller.suites.remove({ id: 'core' })).rejects.toThrow(/built-in suites are files/);
    expect((await caller.suites.list()).map((s) => s.id)).toContain('core');
  });
});
