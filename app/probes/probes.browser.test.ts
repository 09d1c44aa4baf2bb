import { sqliteStore } from '../../db/store';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/client';
import { parseSuiteFile } from '../../evals/suites';
import { resolveSuite } from '../../server/suites/resolve-suite';
import { createCaller } from '../../server/trpc/root';
import { collectPageErrors, launchChromium } from '../../testing/browser/chromium';
import { startApp, type RunningApp } from '../../testing/browser/next-server';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';

const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-probes-ui-'));
const dbFile = path.join(dir, 'sawtooth.db');
const shots = path.resolve('test-results', 'screenshots');

/** 30 pairs across two families, imported the way a person would: a CSV file. */
function seedCsv(): string {
  const rows = ['family,easy_prompt,easy_answer,hard_prompt,hard_answer,grader,domain,family_title,family_description,pair_rule'];
  for (let n = 1; n <= 20; n++) rows.push(`arithmetic.adding-seven,What is ${n} + 7?,${n + 7},What is ${n * 1000 + 993} + 7?,${n * 1000 + 1000},numeric${n === 1 ? ',arithmetic,Adding seven,Adding seven to a number.,The hard probe carries through every digit.' : ',,,,'}`);
  for (let n = 1; n <= 10; n++) rows.push(`commonsense.colours,What colour is snow number ${n}?,white,What colour is snow number ${n} at night under a full moon?,white,text${n === 1 ? ',commonsense,Colours,Colours of things.,The hard probe adds a distracting condition.' : ',,,,'}`);
  return `${rows.join('\n')}\n`;
}

describe('probes page in Chromium', () => {
  let db: Db;
  let app: RunningApp;
  let browser: Browser;
  let upstream: OpenAITestServer;

  beforeAll(async () => {
    // Right on easy probes, wrong on hard ones: "try it" shows one pass and one fail.
    upstream = await startOpenAITestServer({ answer: (prompt) => (/What is (\d+) \+ 7\?/.test(prompt) ? `It is ${Number(/What is (\d+)/.exec(prompt)![1]) + 7}.` : 'Maybe 3?') });
    db = openDb(dbFile);
    const caller = createCaller({ store: sqliteStore(db) });
    const seeded = await caller.suites.importFile({ suiteId: 'seeded', title: 'Seeded probes', fileName: 'seed.csv', text: seedCsv() });
    expect(seeded.ok).toBe(true);
    await caller.adminModels.create({ id: 'trier', label: 'Trier', arch: 'llm', baseUrl: upstream.url, modelName: 'test-model', apiKeyEnv: null, temperature: null, maxTokens: null, systemPrompt: null, reasoning: false, priceInput: null, priceOutput: null });
    app = await startApp({ SAWTOOTH_DB: dbFile, SAWTOOTH_CONFIG: path.join(dir, 'none.json') });
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await upstream?.close();
    db?.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('browses a suite with family, tier and text filters, paged on the server', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/probes`);
    await page.locator('#browse-suite').selectOption('seeded');
    const table = page.getByTestId('pairs-table');
    await table.waitFor();
    await page.getByText('1–20 of 30').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('21–30 of 30').waitFor();
    await page.locator('#browse-family').selectOption('commonsense.colours');
    // The filtered page replaces the unfiltered one when the server answers: wait for rows of that family only, not
    // for a text that was never on screen (the race that let the unfiltered first page, 20 rows, be counted under load).
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="pairs-table"] tbody tr')];
      return rows.length === 10 && rows.every((row) => row.textContent?.includes('commonsense.colours'));
    });
    expect(await table.locator('tbody tr').count()).toBe(10);
    await page.locator('#browse-text').fill('full moon');
    await page.locator('#browse-tier').selectOption('easy');
    await page.getByText('No pair matches these filters.').waitFor();
    await page.locator('#browse-tier').selectOption('hard');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(10);
    await page.locator('#browse-text').fill('number 7 ');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="pairs-table"] tbody tr').length === 1);
    expect(await table.textContent()).toContain('commonsense.colours#006');
    await page.screenshot({ path: path.join(shots, 'manage-probes-browse.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds a pair: live validation, try it on a model, save into a user suite', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1300 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/probes`);
    const form = page.getByTestId('add-pair-form');
    await form.waitFor();
    await form.getByLabel('Save into your suite').fill('mine');
    await form.getByLabel('Family').selectOption('__new__');
    await form.getByLabel('Id (domain.skill)').fill('Arithmetic adding');
    await form.getByLabel('Domain', { exact: true }).fill('arithmetic');
    await form.getByLabel('Title', { exact: true }).click();
    // Validated as typed, with the same message as a suite file would get.
    await form.getByText('a family id is "domain.skill"').waitFor();
    await form.getByLabel('Id (domain.skill)').fill('arithmetic.adding-eight');
    await form.getByText('a family id is "domain.skill"').waitFor({ state: 'detached' });
    await form.getByLabel('Title', { exact: true }).fill('Adding eight');
    await form.getByLabel('Description', { exact: true }).fill('Adding eight to a number.');
    await form.getByLabel('Pair rule').fill('short');
    await form.getByLabel('Description', { exact: true }).click();
    await form.getByText(/at least 10|>=10|Too small/i).first().waitFor();
    await form.getByLabel('Pair rule').fill('The hard probe carries through every digit.');
    await form.locator('#easy-prompt').fill('What is 5 + 7?');
    await form.locator('#easy-answer').fill('12');
    await form.locator('#hard-prompt').fill('What is 99995 plus 7?');
    await form.locator('#hard-answer').fill('100002');
    await form.getByRole('button', { name: 'Try it' }).click();
    const tried = form.getByTestId('try-results');
    await tried.waitFor();
    expect(await form.getByTestId('try-easy').textContent()).toMatch(/pass.*It is 12\./s);
    expect(await form.getByTestId('try-hard').textContent()).toMatch(/fail.*Maybe 3\?/s);
    await page.screenshot({ path: path.join(shots, 'manage-probes-add-pair.png'), fullPage: true });
    await form.getByRole('button', { name: 'Save pair' }).click();
    const saved = form.getByTestId('pair-saved');
    await saved.waitFor();
    expect(await saved.textContent()).toContain('arithmetic.adding-eight#000');
    const suite = (await resolveSuite(sqliteStore(db), 'mine'));
    expect(suite.pairs.map((p) => [p.easy.prompt, p.hard.answer])).toEqual([['What is 5 + 7?', '100002']]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('imports a probe file with a bad line (the error names line and field) and exports a suite the CLI reads', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/probes`);
    await page.getByText('Import a probe file').click();
    const form = page.getByTestId('import-probes-form');
    const bad = [
      JSON.stringify({ type: 'pair', family: 'arithmetic.adding-seven', key: 'x1', easy: { prompt: 'What is 40 + 7?', answer: '47', grader: 'numeric' }, hard: { prompt: 'What is 9993 + 7?', answer: '10000', grader: 'numeric' } }),
      JSON.stringify({ type: 'pair', family: 'arithmetic.adding-seven', key: 'x2', easy: { prompt: 'What is 41 + 7?', grader: 'numeric' }, hard: { prompt: 'What is 9994 + 7?', answer: '10001', grader: 'numeric' } }),
    ].join('\n');
    await form.getByLabel('Into your suite').fill('from-file');
    await form.getByLabel(/Probe file/).setInputFiles({ name: 'probes.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(bad) });
    await form.getByRole('button', { name: 'Import probes' }).click();
    const issues = page.getByTestId('probe-import-issues');
    await issues.waitFor();
    expect(await issues.textContent()).toContain('probes.jsonl:2: easy.answer: required');
    await page.screenshot({ path: path.join(shots, 'manage-probes-import-error.png'), fullPage: true });
    expect(db.$client.prepare(`SELECT count(*) AS n FROM user_suites WHERE id = 'from-file'`).get()).toEqual({ n: 0 });

    await page.locator('#browse-suite').selectOption('seeded');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'YAML' }).click();
    const file = await (await download).path();
    const back = parseSuiteFile(readFileSync(file, 'utf8'), 'seeded.yaml');
    expect(back.version).toBe((await resolveSuite(sqliteStore(db), 'seeded')).version);
    expect(back.pairs).toHaveLength(30);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switching suites never shows the previous suite\'s pairs (their Remove buttons would act on the new suite)', async () => {
    const caller = createCaller({ store: sqliteStore(db) });
    const family = (id: string, title: string) => ({ id, domain: 'arithmetic', title, description: `${title} a number.`, pairRule: 'The hard probe has more digits.' });
    const draft = (familyId: string, n: number) => ({ family: familyId, easy: { prompt: `What is ${n} times 3?`, answer: String(3 * n) }, hard: { prompt: `What is ${n * 1001} times 3?`, answer: String(3 * n * 1001) }, grader: { kind: 'numeric' as const } });
    await caller.probes.save({ suiteId: 'switch-a', suiteTitle: 'Switch A', newFamily: family('arithmetic.tripling-a', 'Tripling A'), draft: draft('arithmetic.tripling-a', 2) });
    await caller.probes.save({ suiteId: 'switch-b', suiteTitle: 'Switch B', newFamily: family('arithmetic.tripling-b', 'Tripling B'), draft: draft('arithmetic.tripling-b', 3) });

    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/probes`);
    await page.locator('#browse-suite').selectOption('switch-a');
    await page.getByTestId('pairs-table').getByText('arithmetic.tripling-a#000').waitFor();
    // Switch to B (never loaded on this page) and read the table on the next frame, before B's pairs can arrive.
    const shownRightAfter = await page.evaluate(async () => {
      const select = document.querySelector<HTMLSelectElement>('#browse-suite')!;
      select.value = 'switch-b';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise(requestAnimationFrame);
      return [...document.querySelectorAll('[data-testid="pairs-table"] tbody code')].map((c) => c.textContent);
    });
    expect(shownRightAfter).not.toContain('arithmetic.tripling-a#000');
    await page.getByTestId('pairs-table').getByText('arithmetic.tripling-b#000').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('your suites: "1 pair" in both suite pickers, whole option text at 1280 px; rename, remove a pair and the suite after a confirmation', async () => {
    const caller = createCaller({ store: sqliteStore(db) });
    const family = { id: 'arithmetic.halving', domain: 'arithmetic', title: 'Halving', description: 'Halving an even number.', pairRule: 'The hard probe halves a number with more digits.' };
    const draft = (n: number) => ({ family: family.id, easy: { prompt: `What is half of ${2 * n}?`, answer: String(n) }, hard: { prompt: `What is half of ${2 * n * 1001}?`, answer: String(n * 1001) }, grader: { kind: 'numeric' as const } });
    await caller.probes.save({ suiteId: 'single', suiteTitle: 'Single pair', newFamily: family, draft: draft(3) });
    await caller.probes.save({ suiteId: 'tidy-me', suiteTitle: 'Tidy me', newFamily: { ...family, id: 'arithmetic.halving-twice', title: 'Halving twice' }, draft: { ...draft(4), family: 'arithmetic.halving-twice' } });
    await caller.probes.save({ suiteId: 'tidy-me', draft: { ...draft(5), family: 'arithmetic.halving-twice' } });

    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectPageErrors(page);
    /** The selected option's text, and whether it fits inside its select (text width + padding ≤ inner width). */
    const selected = (selector: string) => page.locator(selector).evaluate((el) => {
      const select = el as HTMLSelectElement;
      const style = getComputedStyle(select);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = style.font;
      const text = select.selectedOptions[0]?.textContent ?? '';
      const needed = context.measureText(text).width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      return { text, fits: needed <= select.clientWidth ? true : `needs ${Math.ceil(needed)} px, has ${select.clientWidth}` };
    });

    await page.goto(`${app.url}/probes`);
    await page.locator('#browse-suite').selectOption('core');
    expect(await selected('#browse-suite')).toEqual({ text: expect.stringMatching(/— 28 families, \d+ pairs$/), fits: true });
    await page.locator('#browse-suite').selectOption('single');
    await page.getByTestId('pairs-table').getByText('arithmetic.halving#000').waitFor();
    await page.screenshot({ path: path.join(shots, 'manage-probes-single-suite.png') });
    expect(await selected('#browse-suite')).toEqual({ text: 'Single pair — 1 family, 1 pair · yours', fits: true });
    await page.goto(`${app.url}/runs`);
    const start = page.getByTestId('start-run-form');
    await start.getByLabel('Suite').selectOption('single');
    expect((await selected('#run-suite')).text).toBe('Single pair (single, 1 pair, yours)');

    await page.goto(`${app.url}/probes`);
    await page.locator('#browse-suite').selectOption('tidy-me');
    const actions = page.getByTestId('user-suite-actions');
    await actions.getByRole('button', { name: 'Rename suite' }).click();
    await actions.getByLabel('New suite title').fill('Tidied suite');
    await actions.getByRole('button', { name: 'Save title' }).click();
    await expect.poll(async () => (await selected('#browse-suite')).text).toBe('Tidied suite — 1 family, 2 pairs · yours');

    const table = page.getByTestId('pairs-table');
    const first = table.locator('tbody tr', { hasText: 'arithmetic.halving-twice#000' });
    await first.getByRole('button', { name: 'Remove' }).click();
    await first.getByRole('alertdialog').getByRole('button', { name: 'Keep it' }).click();
    expect((await resolveSuite(sqliteStore(db), 'tidy-me')).pairs).toHaveLength(2);
    await first.getByRole('button', { name: 'Remove' }).click();
    await page.screenshot({ path: path.join(shots, 'manage-probes-remove-pair.png'), fullPage: true });
    await first.getByRole('alertdialog').getByRole('button', { name: 'Remove pair' }).click();
    await first.waitFor({ state: 'detached' });
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect((await resolveSuite(sqliteStore(db), 'tidy-me')).pairs.map((p) => p.id)).toEqual(['arithmetic.halving-twice#001']);

    await actions.getByTestId('remove-suite').click();
    await page.getByTestId('remove-suite-confirm').getByRole('button', { name: 'Remove suite' }).click();
    await expect.poll(() => page.locator('#browse-suite option[value="tidy-me"]').count()).toBe(0);
    expect((await caller.suites.list()).map((s) => s.id)).not.toContain('tidy-me');
    expect(errors).toEqual([]);
    await page.close();
  });
});
