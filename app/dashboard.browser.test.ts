import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium } from '../testing/browser/chromium';
import { startApp, type RunningApp } from '../testing/browser/next-server';
import { startOpenAITestServer } from '../testing/openai-test-server';

const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-browser-'));
const dbFile = path.join(dir, 'sawtooth.db');
const configFile = path.join(dir, 'none.json');
process.env.SAWTOOTH_DB = dbFile;
process.env.SAWTOOTH_CONFIG = configFile;
const shots = path.resolve('test-results', 'screenshots');

const { main } = await import('../scripts/cli');
const { loadSuite } = await import('../evals/suites');

describe('dashboard in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let modelId = '';
  let runId = 0;
  let upstream: Awaited<ReturnType<typeof startOpenAITestServer>>;

  beforeAll(async () => {
    // Real data: a real eval through the real SDK against our test server, into a real SQLite file.
    const suite = loadSuite('core');
    const answers = new Map(suite.pairs.flatMap((p, i) => [
      [p.easy.prompt, i % 4 === 0 ? 'I am not sure.' : `The answer is ${p.easy.answer}.`],
      [p.hard.prompt, i % 3 === 0 ? 'No idea.' : `**${p.hard.answer}**`],
    ]));
    // Kept up for the whole file: a later test runs the same model on a saved pair (its prompts get "unknown").
    upstream = await startOpenAITestServer({ answer: (prompt) => answers.get(prompt) ?? 'unknown' });
    let out = '';
    const code = await main(['eval', '--suite', 'core', '--base-url', upstream.url, '--model-name', 'browser-model', '--json'], {
      stdout: (s) => void (out += s), stderr: () => undefined,
    });
    expect(code).toBe(0);
    const report = JSON.parse(out.trim().split('\n').at(-1)!);
    modelId = report.model;
    runId = report.runs[0];

    app = await startApp({ SAWTOOTH_DB: dbFile, SAWTOOTH_CONFIG: configFile });
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await upstream?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the leaderboard with the evaluated model', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectPageErrors(page);
    await page.goto(app.url);
    const table = page.getByTestId('leaderboard');
    await table.waitFor();
    expect(await table.textContent()).toContain('browser-model');
    await page.screenshot({ path: path.join(shots, 'leaderboard.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the sawtooth chart on the model page, one point per family and tier', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/models/${encodeURIComponent(modelId)}`);
    const chart = page.getByTestId('sawtooth-chart');
    await chart.waitFor();
    await chart.locator('.recharts-line-curve').waitFor();
    const families = loadSuite('core').families.length;
    expect(await chart.locator('circle[data-tier="easy"]').count()).toBe(families);
    expect(await chart.locator('circle[data-tier="hard"]').count()).toBe(families);
    const d = await chart.locator('.recharts-line-curve').getAttribute('d');
    expect(d?.length ?? 0).toBeGreaterThan(50);
    expect(await page.getByTestId('family-table').locator('tbody tr').count()).toBe(families);
    await page.screenshot({ path: path.join(shots, 'model-page.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saving a pair in the UI that reuses a core id, and running it, leaves every core number on the pages unchanged', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1300 } });
    const errors = collectPageErrors(page);
    const coreNumbers = async () => {
      await page.goto(app.url);
      const row = page.locator(`tr[data-model="${modelId}"]`);
      await row.waitFor();
      const board = await row.textContent();
      await page.goto(`${app.url}/models/${encodeURIComponent(modelId)}`);
      await page.getByTestId('family-table').waitFor();
      return { board, basis: await page.getByTestId('profile-basis').textContent(), families: await page.getByTestId('family-table').textContent(), verdict: await page.getByTestId('verdict').textContent() };
    };
    const before = await coreNumbers();
    expect(before.basis).toContain('core');

    await page.goto(`${app.url}/probes`);
    const form = page.getByTestId('add-pair-form');
    await form.waitFor();
    await form.getByLabel('Save into your suite').fill('mine');
    await form.getByLabel('Family').selectOption('algorithmic.addition');
    await form.locator('#easy-prompt').fill('What is 2 + 2?');
    await form.locator('#easy-answer').fill('4');
    await form.locator('#hard-prompt').fill('What is 2222 + 2222?');
    await form.locator('#hard-answer').fill('4444');
    await form.getByRole('button', { name: 'Save pair' }).click();
    const saved = form.getByTestId('pair-saved');
    await saved.waitFor();
    expect(await saved.textContent()).toContain('algorithmic.addition#000');

    // The same model answers the saved suite, all wrong: pooled into core, it would move every core number.
    const code = await main(['eval', '--suite', 'mine', '--model', modelId], { stdout: () => undefined, stderr: () => undefined });
    expect(code).toBe(0);
    expect(await coreNumbers()).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a run with its counts and graded results', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/runs/${runId}`);
    await page.getByTestId('results-table').waitFor();
    expect(await page.getByTestId('run-status').textContent()).toBe('completed');
    await page.getByRole('button', { name: 'fail', exact: true }).click();
    await page.getByTestId('results-table').locator('td.outcome-fail').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'run-page.png'), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });
});
