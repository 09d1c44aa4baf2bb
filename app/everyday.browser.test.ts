import { sqliteStore } from '../db/store';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/client';
import { createCaller } from '../server/trpc/root';
import { collectPageErrors, launchChromium } from '../testing/browser/chromium';
import { startApp, type RunningApp } from '../testing/browser/next-server';
import { startOpenAITestServer, type OpenAITestServer } from '../testing/openai-test-server';

/**
 * Everyday use (issue 13) in Chromium against the production build, a real SQLite file and a real OpenAI-compatible
 * server on loopback: a two-file paired dataset imported from the probes page → run → chart; the results grid with
 * its filters and a full transcript; the diff of two runs; the cost preview; the model presets and URL check;
 * deleting a run and a model. Screenshots at 1280 and 390 px.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-everyday-ui-'));
const dbFile = path.join(dir, 'sawtooth.db');
const shots = path.resolve('test-results', 'screenshots');
const datasets = fileURLToPath(new URL('../testing/paired-datasets/', import.meta.url));
const INSTRUCTION = 'Give only the final number.';

type Row = { key: number; question: string; answer_only: string };
const rows = (file: string) => readFileSync(path.join(datasets, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Row);
const easyRows = rows('math_easy.jsonl');
const hardRows = rows('math_hard.jsonl');

describe('everyday use in Chromium', () => {
  let db: Db;
  let app: RunningApp;
  let browser: Browser;
  let server: OpenAITestServer;
  // First the model knows only the easy answers; then it learns the hard ones (the diff shows exactly those).
  let knowsHard = false;
  const runIds: number[] = [];

  beforeAll(async () => {
    const answers = new Map([...easyRows, ...hardRows].map((r) => [r.question, r.answer_only]));
    const hard = new Set(hardRows.map((r) => r.question));
    server = await startOpenAITestServer({
      models: ['math-model', 'other-model'],
      answer: (prompt) => {
        const question = prompt.replace(` ${INSTRUCTION}`, '');
        if (hard.has(question) && !knowsHard) return 'I think it is 999.';
        return `The answer is ${answers.get(question) ?? 'unknown'}.`;
      },
    });
    db = openDb(dbFile);
    // A hosted model with prices (never called: only its cost preview is looked at).
    await createCaller({ store: sqliteStore(db) }).adminModels.create({
      id: 'hosted-big', label: 'Hosted big', arch: 'llm', baseUrl: 'https://api.example.com/v1', modelName: 'big', apiKeyEnv: 'EXAMPLE_API_KEY',
      temperature: null, maxTokens: 500, systemPrompt: null, reasoning: false, priceInput: 3, priceOutput: 15,
    });
    app = await startApp({ SAWTOOTH_DB: dbFile, SAWTOOTH_CONFIG: path.join(dir, 'none.json'), SAWTOOTH_WORKER: '1' });
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await server?.close();
    db?.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(shots, `everyday-${name}-1280.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots, `everyday-${name}-390.png`), fullPage: true });
    // Nothing wider than the phone screen except inside scrolling tables.
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // The outermost elements that stick out, to name them when the page is wider than the screen.
      const out = (el: Element) => el.getBoundingClientRect().right > width + 1;
      const culprits = [document.body, ...document.querySelectorAll('body *')]
        .filter((el) => out(el) && !(el.parentElement && el.parentElement !== document.documentElement && out(el.parentElement)))
        .slice(0, 4)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.className).replace(/ /g, '.')} (${Math.round(el.getBoundingClientRect().right)} px)`);
      return { by: document.documentElement.scrollWidth - width, culprits };
    });
    expect(overflow.by, `${name} overflows at 390 px: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('adds a model from a preset, flags a URL without /v1 and a model name the endpoint does not serve', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/models/new`);
    expect(await page.title()).toBe('Add a model — Sawtooth');
    const form = page.getByTestId('model-form');
    await form.getByTestId('model-preset').selectOption('ollama');
    expect(await form.getByLabel('Base URL').inputValue()).toBe('http://127.0.0.1:11434/v1');
    expect(await form.getByLabel('Model name').inputValue()).toBe('llama3.2');
    await form.getByTestId('model-preset').selectOption('openrouter');
    expect(await form.getByLabel('Base URL').inputValue()).toBe('https://openrouter.ai/api/v1');
    expect(await form.getByLabel('API key environment variable').inputValue()).toBe('OPENROUTER_API_KEY');

    const bare = server.url.replace(/\/v1$/, '');
    await form.getByLabel('Base URL').fill(bare);
    await form.getByTestId('url-warning').waitFor();
    expect(await form.getByTestId('url-warning').textContent()).toContain('/v1');
    await form.getByRole('button', { name: `Use ${bare}/v1` }).click();
    expect(await form.getByLabel('Base URL').inputValue()).toBe(`${bare}/v1`);
    await form.getByLabel('API key environment variable').fill('');
    await form.getByLabel('Model name').fill('math-modle');
    await form.getByRole('button', { name: 'Test connection' }).click();
    const failing = form.getByTestId('connection-error');
    await failing.waitFor();
    expect(await failing.textContent()).toContain('does not serve "math-modle"');
    expect(await failing.textContent()).toContain('math-model, other-model');
    await form.getByLabel('Model name').fill('math-model');
    await form.getByLabel('Id', { exact: true }).fill('math-model');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.getByTestId('connection-ok').waitFor();
    await shoot(page, 'model-form');
    await form.getByRole('button', { name: 'Add model' }).click();
    await page.waitForURL(`${app.url}/models`);
    await page.locator('tr[data-model-id="math-model"]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('imports a two-file paired dataset from the probes page, runs it and draws its chart', { timeout: 600_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/probes`);
    expect(await page.title()).toBe('Probes — Sawtooth');
    await page.getByText('Import a paired dataset').click();
    const form = page.getByTestId('import-paired-form');
    await form.getByLabel('Easy file').setInputFiles(path.join(datasets, 'math_easy.jsonl'));
    await form.getByLabel('Hard file').setInputFiles(path.join(datasets, 'math_hard.jsonl'));
    await form.getByLabel('Into your suite').fill('math-pairs');
    await form.getByLabel('Key field').fill('key');
    await form.getByLabel('Prompt field').fill('question');
    await form.getByLabel('Answer field').fill('answer_only');
    // A one-line field: the instruction follows the prompt after a space.
    await form.getByLabel('Prompt template (optional)').fill(`{prompt} ${INSTRUCTION}`);
    await form.getByRole('button', { name: 'Import dataset' }).click();
    await form.getByTestId('paired-imported').waitFor();
    expect(await form.getByTestId('paired-imported').textContent()).toContain('Added 4 pairs to math-pairs');
    await page.getByTestId('pairs-table').getByText('imported.math-pairs#0').waitFor();
    expect(await page.getByTestId('pairs-table').textContent()).toContain(INSTRUCTION);
    await shoot(page, 'probes-paired-import');

    // Run it twice: the first run knows the easy answers only, the second all of them.
    for (const learn of [false, true]) {
      knowsHard = learn;
      await page.goto(`${app.url}/runs`);
      const start = page.getByTestId('start-run-form');
      await start.getByLabel('math-model', { exact: false }).check();
      await start.getByLabel('Suite').selectOption('math-pairs');
      await start.getByTestId('run-estimate').waitFor();
      await start.getByRole('button', { name: /^Start/ }).click();
      await page.waitForURL(/\/runs\/\d+$/);
      runIds.push(Number(page.url().split('/').pop()));
      const id = runIds.at(-1)!;
      // The server's worker answers it; the database says when (the page follows over its live feed).
      await expect.poll(() => (db.$client.prepare('SELECT status FROM runs WHERE id = ?').get(id) as { status: string }).status, { timeout: 240_000 }).toBe('completed');
      await page.reload();
      await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('completed');
    }
    await page.goto(`${app.url}/models/math-model?suite=math-pairs`); // profiles are per suite: core is the default
    const chart = page.getByTestId('sawtooth-chart');
    // The second run knows every answer: a flat line has an empty bounding box, so wait for it to exist, not to show.
    await chart.locator('.recharts-line-curve').waitFor({ state: 'attached' });
    expect(await chart.locator('circle[data-tier="easy"]').count()).toBe(1);
    expect(await chart.locator('circle[data-tier="hard"]').count()).toBe(1);
    expect(await page.title()).toBe('math-model — Sawtooth');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds every result: filters, search and a full transcript; and the diff of the two runs', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    const [first, second] = runIds as [number, number];
    await page.goto(`${app.url}/runs/${first}`);
    expect(await page.title()).toBe(`Run #${first} — Sawtooth`);
    const grid = page.getByTestId('run-results');
    await grid.getByTestId('results-table').waitFor();
    expect(await grid.getByTestId('pager-status').textContent()).toBe('1–8 of 8');
    await grid.getByLabel('Tier').selectOption('hard');
    await grid.getByRole('button', { name: 'fail', exact: true }).click();
    await expect.poll(() => grid.getByTestId('pager-status').textContent()).toBe('1–4 of 4');
    await grid.getByRole('button', { name: 'all', exact: true }).click();
    await grid.getByLabel('Tier').selectOption('');
    await grid.getByLabel('Search results').fill('pencils');
    await expect.poll(() => grid.getByTestId('pager-status').textContent()).toBe('1–2 of 2');
    await grid.getByRole('button', { name: 'imported.math-pairs#0/hard' }).click();
    const full = grid.getByTestId('full-transcript');
    await full.waitFor();
    expect(await full.textContent()).toContain('She then buys 2 more boxes');
    expect(await full.textContent()).toContain('I think it is 999.');
    await shoot(page, 'run-results');

    await page.getByTestId('diff-link').first().click();
    await page.waitForURL(new RegExp(`/runs/diff\\?before=${first}&after=${second}$`));
    await page.getByTestId('diff-table').waitFor();
    expect(await page.getByTestId('diff-summary').textContent()).toContain('4 probes changed outcome (4 better, 0 worse), 4 unchanged');
    expect(await page.getByTestId('diff-table').locator('tbody tr').count()).toBe(4);
    await shoot(page, 'run-diff');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the cost of a hosted run before it starts and asks before a large one', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/runs`);
    const form = page.getByTestId('start-run-form');
    await form.getByLabel('Hosted big', { exact: false }).check();
    await form.getByLabel('Suite').selectOption('core');
    await form.getByLabel('Samples per probe').fill('3');
    const estimate = form.getByTestId('run-estimate');
    await estimate.locator('td', { hasText: 'Hosted big' }).waitFor();
    const text = (await estimate.textContent()) ?? '';
    expect(text).toMatch(/hosted/);
    expect(text).toMatch(/≈\$\d+\.\d\d/);
    const start = form.getByRole('button', { name: /^Start/ });
    await form.getByTestId('confirm-large').waitFor();
    expect(await start.isDisabled()).toBe(true);
    await shoot(page, 'cost-preview');
    await form.getByTestId('confirm-large').locator('input').check();
    expect(await start.isDisabled()).toBe(false);
    // Not started: the example host must never be called.
    expect(errors).toEqual([]);
    await page.close();
  });

  it('removes a run and a model after a confirmation: the model leaves the leaderboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    const [first] = runIds as [number, number];
    await page.goto(`${app.url}/runs/${first}`);
    await page.getByTestId('remove-run').click();
    await page.getByTestId('remove-run-confirm').getByRole('button', { name: 'Keep it' }).click();
    expect(db.$client.prepare('SELECT count(*) AS n FROM runs WHERE id = ?').get(first)).toEqual({ n: 1 });
    await page.getByTestId('remove-run').click();
    await page.getByTestId('remove-run-confirm').getByRole('button', { name: 'Remove run' }).click();
    await page.waitForURL(`${app.url}/runs`);
    expect(db.$client.prepare('SELECT count(*) AS n FROM results WHERE run_id = ?').get(first)).toEqual({ n: 0 });

    await page.goto(`${app.url}/`);
    expect(await page.title()).toBe('Leaderboard — Sawtooth');
    await page.getByTestId('leaderboard').getByText('math-model').first().waitFor();
    await page.goto(`${app.url}/models`);
    const row = page.locator('tr[data-model-id="math-model"]');
    await row.getByRole('button', { name: 'Rename math-model' }).click();
    await row.getByLabel('New name for math-model').fill('Math model (renamed)');
    await row.getByRole('button', { name: 'Save name' }).click();
    await row.getByText('Math model (renamed)').waitFor();
    await row.getByTestId('remove-model-math-model').click();
    await shoot(page, 'remove-model');
    await row.getByRole('button', { name: 'Remove math-model' }).click();
    await row.waitFor({ state: 'detached' });
    expect(db.$client.prepare(`SELECT count(*) AS n FROM runs WHERE model_id = 'math-model'`).get()).toEqual({ n: 0 });
    await page.goto(`${app.url}/`);
    await page.locator('[data-testid="leaderboard"], .empty').first().waitFor();
    expect(await page.locator('main').textContent()).not.toContain('math-model');
    expect((await createCaller({ store: sqliteStore(db) }).models.leaderboard()).rows.map((r) => r.model.id)).not.toContain('math-model');
    expect(errors).toEqual([]);
    await page.close();
  });
});
