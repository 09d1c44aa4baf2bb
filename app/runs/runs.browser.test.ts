import { sqliteStore } from '../../db/store';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/client';
import { createCaller } from '../../server/trpc/root';
import { collectPageErrors, launchChromium } from '../../testing/browser/chromium';
import { startApp, type RunningApp } from '../../testing/browser/next-server';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';

const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-runs-ui-'));
const dbFile = path.join(dir, 'sawtooth.db');
const shots = path.resolve('test-results', 'screenshots');
const family = { id: 'arithmetic.squaring', domain: 'arithmetic', title: 'Squaring', description: 'Squaring a number.', pairRule: 'The hard probe squares a larger number: the same skill at more digits.' };
const endpoint = (id: string, baseUrl: string) => ({ id, label: id, arch: 'llm' as const, baseUrl, modelName: 'test-model', apiKeyEnv: null, temperature: null, maxTokens: null, systemPrompt: null, reasoning: false, priceInput: null, priceOutput: null });
const square = (prompt: string) => `The answer is ${Number(/of (\d+)/.exec(prompt)?.[1] ?? 0) ** 2}.`;

describe('runs from the UI in Chromium (server worker on)', () => {
  let db: Db;
  let app: RunningApp;
  let browser: Browser;
  let fast: OpenAITestServer;
  let slow: OpenAITestServer;

  beforeAll(async () => {
    // A 400 is not retried by the scheduler: the first ask of this one probe becomes an error the run keeps.
    fast = await startOpenAITestServer({ answer: square, faults: [{ match: /square of 13\?/, times: 1, fault: { type: 'status', status: 400, body: 'bad probe' } }] });
    slow = await startOpenAITestServer({ answer: square, latencyMs: 700 });
    db = openDb(dbFile);
    const caller = createCaller({ store: sqliteStore(db) });
    await caller.adminModels.create(endpoint('fast-model', fast.url));
    await caller.adminModels.create(endpoint('slow-model', slow.url));
    for (const n of [11, 12, 13]) {
      await caller.probes.save({ suiteId: 'squares', suiteTitle: 'Squares', newFamily: n === 11 ? family : undefined, draft: { family: family.id, easy: { prompt: `What is the square of ${n}?`, answer: String(n * n) }, hard: { prompt: `What is the square of ${n * 101}?`, answer: String((n * 101) ** 2) }, grader: { kind: 'numeric' } } });
    }
    app = await startApp({ SAWTOOTH_DB: dbFile, SAWTOOTH_CONFIG: path.join(dir, 'none.json'), SAWTOOTH_WORKER: '1' });
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fast?.close();
    await slow?.close();
    db?.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function startRun(page: Page, model: string, samples: number): Promise<number> {
    await page.goto(`${app.url}/runs`);
    const form = page.getByTestId('start-run-form');
    await form.waitFor();
    await form.getByLabel(model, { exact: false }).check();
    await form.getByLabel('Suite').selectOption('squares');
    await form.getByLabel('Samples per probe').fill(String(samples));
    await form.getByRole('button', { name: /^Start/ }).click();
    await page.waitForURL(/\/runs\/\d+$/);
    return Number(page.url().split('/').pop());
  }

  it('starts a run from the form and watches it complete live', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    const runId = await startRun(page, 'fast-model', 2);
    await page.getByTestId('run-status').filter({ hasText: 'completed' }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('run-done').textContent()).toContain('12 / 12 answered');
    // One probe got a 400 (bad_request): counted, explained, and retried from the page.
    const kinds = page.getByTestId('error-kinds');
    await kinds.waitFor();
    expect(await kinds.textContent()).toMatch(/bad_request.*1.*check the model name/s);
    await page.screenshot({ path: path.join(shots, 'manage-run-completed.png'), fullPage: true });
    await page.getByRole('button', { name: 'Retry errors' }).click();
    // Only the errored probe is asked again (the fault fired once): the live view reaches 12 passes.
    await page.locator('.outcome-pass', { hasText: 'pass 12' }).waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await createCaller({ store: sqliteStore(db) }).runs.get({ id: runId })).run, { timeout: 30_000 }).toMatchObject({ status: 'completed', passCount: 12, errorCount: 0 });
    await page.getByTestId('run-status').filter({ hasText: 'completed' }).waitFor({ timeout: 30_000 });

    // Export CSV: every result of the run, one row each.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines[0]).toContain('result_id,run_id,model_id');
    expect(lines).toHaveLength(13);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cancels a running run and resumes it to the end', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    const runId = await startRun(page, 'slow-model', 6);
    await page.getByTestId('run-status').filter({ hasText: 'running' }).waitFor({ timeout: 20_000 });
    await page.getByTestId('run-eta').waitFor();
    await page.screenshot({ path: path.join(shots, 'manage-run-live.png') });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('run-status').filter({ hasText: 'cancelled' }).waitFor({ timeout: 10_000 });
    const cancelled = (await createCaller({ store: sqliteStore(db) }).runs.get({ id: runId })).run;
    expect(cancelled.passCount).toBeLessThan(36);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByTestId('run-status').filter({ hasText: 'completed' }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('run-done').textContent()).toContain('36 / 36 answered');
    const rows = db.$client.prepare(`SELECT count(*) AS n, count(DISTINCT probe_key || ':' || sample) AS distinctN FROM results WHERE run_id = ?`).get(runId);
    expect(rows).toEqual({ n: 36, distinctN: 36 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone screen: no page-wide horizontal scroll on the manage pages (wide tables scroll inside their box)', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    const errors = collectPageErrors(page);
    for (const p of ['/runs', '/runs/1', '/probes', '/models', '/models/new']) {
      await page.goto(`${app.url}${p}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, p).toBeLessThanOrEqual(0);
      if (p === '/runs') await page.screenshot({ path: path.join(shots, 'manage-runs-phone.png'), fullPage: true });
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists runs with a status filter, and imports results (a bad file shows line and field)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/runs`);
    await page.getByTestId('runs-table').waitFor();
    await page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: 'cancelled', exact: true }).click();
    await page.getByText('No cancelled runs.').waitFor();
    await page.getByRole('group', { name: 'Filter by status' }).getByRole('button', { name: 'completed', exact: true }).click();
    await page.getByTestId('runs-table').locator('td[data-status="completed"]').nth(1).waitFor();

    await page.locator('summary', { hasText: 'Import results' }).click();
    const form = page.getByTestId('import-results-form');
    const bad = [JSON.stringify({ model: 'ext', prompt: 'What is the square of 11?', response: '121', correct: true }), JSON.stringify({ model: 'ext', prompt: 'x', correct: 'maybe' })].join('\n');
    await form.getByLabel('Results file').setInputFiles({ name: 'bad.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(bad) });
    await form.getByRole('button', { name: 'Import' }).click();
    const issues = page.getByTestId('import-results-issues');
    await issues.waitFor();
    expect(await issues.textContent()).toContain('bad.jsonl:2: correct:');
    const good = [
      { model: 'ext-model', prompt: 'What is the square of 11?', response: '121', correct: true },
      { model: 'ext-model', prompt: 'What is the square of 1111?', response: 'no idea', answer: '1234321' },
      { model: 'ext-model', prompt: 'Render <img src=x onerror=alert(1)>', response: '<script>alert("x")</script>', correct: false },
    ].map((l) => JSON.stringify(l)).join('\n');
    await form.getByLabel('Results file').setInputFiles({ name: 'ext.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(good) });
    await form.getByRole('button', { name: 'Import' }).click();
    const done = page.getByTestId('import-results-done');
    await done.waitFor();
    expect(await done.textContent()).toContain('ext-model: 3 results');
    await page.screenshot({ path: path.join(shots, 'manage-runs-import.png'), fullPage: true });
    await done.getByRole('link').first().click();
    await page.waitForURL(/\/runs\/\d+$/);
    const table = page.getByTestId('results-table');
    await table.waitFor();
    // Model output is text: the markup is shown, never run.
    expect(await table.textContent()).toContain('<script>alert("x")</script>');
    expect(await page.locator('#main script').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
