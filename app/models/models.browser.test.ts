import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/client';
import { collectPageErrors, launchChromium } from '../../testing/browser/chromium';
import { freePort, startApp, type RunningApp } from '../../testing/browser/next-server';
import { startOpenAITestServer, type OpenAITestServer } from '../../testing/openai-test-server';

const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-models-ui-'));
const dbFile = path.join(dir, 'sawtooth.db');
const configFile = path.join(dir, 'sawtooth.config.json');
const shots = path.resolve('test-results', 'screenshots');
const KEY = `sk-test-models-${Date.now()}abcdef0123456789`;

describe('models page in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let upstream: OpenAITestServer;
  let db: Db;

  beforeAll(async () => {
    upstream = await startOpenAITestServer({ answer: () => 'ok', requireApiKey: KEY });
    writeFileSync(configFile, JSON.stringify({ models: [{ id: 'configured', label: 'Configured model', baseURL: upstream.url, model: 'test-model', apiKeyEnv: 'TEST_UPSTREAM_API_KEY' }], localServer: { enabled: false } }));
    app = await startApp({ SAWTOOTH_DB: dbFile, SAWTOOTH_CONFIG: configFile, TEST_UPSTREAM_API_KEY: KEY });
    db = openDb(dbFile);
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

  it('lists a config model read-only, with its key variable set (never the key)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/models`);
    const row = page.locator('tr[data-model-id="configured"]');
    await row.waitFor();
    expect(await row.textContent()).toMatch(/TEST_UPSTREAM_API_KEY\s*set.*config file.*read-only/s);
    await row.getByRole('button', { name: 'Test connection of configured' }).click();
    await row.getByTestId('connection-ok').waitFor();
    expect(await page.content()).not.toContain(KEY);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds a model: refuses a pasted key, tests the connection (failing, then ok), saves, edits', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/models/new`);
    const form = page.getByTestId('model-form');
    await form.waitFor();
    await form.getByLabel('Id', { exact: true }).fill('my-endpoint');
    await form.getByLabel('Label', { exact: true }).fill('My endpoint');
    await form.getByLabel('Base URL').fill('not a url');
    await form.getByLabel('Model name').fill('test-model');
    await form.getByText('must be an http(s) URL').waitFor();
    await form.getByLabel('Base URL').fill(upstream.url);
    await form.getByLabel('API key environment variable').fill(KEY);
    await form.getByText('this looks like an API key').waitFor();
    await form.getByRole('button', { name: 'Add model' }).click();
    expect(await page.url()).toContain('/models/new'); // nothing was sent
    await form.getByLabel('API key environment variable').fill('UNSET_TEST_API_KEY');
    await form.getByRole('button', { name: 'Test connection' }).click();
    const failing = form.getByTestId('connection-error');
    await failing.waitFor();
    expect(await failing.textContent()).toMatch(/refused the API key.*UNSET_TEST_API_KEY.*not set/s);
    await page.screenshot({ path: path.join(shots, 'manage-model-test-failing.png'), fullPage: true });
    await form.getByLabel('API key environment variable').fill('TEST_UPSTREAM_API_KEY');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await form.getByTestId('connection-ok').waitFor();
    await page.screenshot({ path: path.join(shots, 'manage-model-test-ok.png'), fullPage: true });
    await form.getByLabel('Max tokens').fill('abc');
    await form.getByText('must be a number').waitFor();
    await form.getByLabel('Max tokens').fill('256');
    await form.getByRole('button', { name: 'Add model' }).click();
    await page.waitForURL(`${app.url}/models`);
    const row = page.locator('tr[data-model-id="my-endpoint"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('dashboard');
    expect(db.$client.prepare(`SELECT api_key_env AS v, max_tokens AS m, origin FROM models WHERE id = 'my-endpoint'`).get()).toEqual({ v: 'TEST_UPSTREAM_API_KEY', m: 256, origin: 'ui' });

    await row.getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(/\/models\/my-endpoint\/edit$/);
    await page.getByLabel('Label', { exact: true }).fill('My endpoint (renamed)');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`${app.url}/models`);
    await page.locator('tr[data-model-id="my-endpoint"]', { hasText: 'My endpoint (renamed)' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'manage-models.png'), fullPage: true });
    expect(await page.content()).not.toContain(KEY);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a connection error for an endpoint that is down', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    const port = await freePort();
    await page.goto(`${app.url}/models/new`);
    const form = page.getByTestId('model-form');
    await form.getByLabel('Base URL').fill(`http://127.0.0.1:${port}/v1`);
    await form.getByLabel('Model name').fill('m');
    await form.getByRole('button', { name: 'Test connection' }).click();
    const failing = form.getByTestId('connection-error');
    await failing.waitFor();
    const text = await failing.textContent();
    // One message, said once: the cause (ECONNREFUSED) and the fix, without the generic advice repeating it.
    expect(text).toMatch(/could not talk to .*ECONNREFUSED.*is the server up/s);
    expect(text!.match(/server/g)).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the form reads plainly: architectures as words ("Transformer", not "TRANSFORMER"), and an empty Label is fine (the id is shown)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/models/new`);
    const form = page.getByTestId('model-form');
    await form.waitFor();
    expect(await form.locator('#model-arch option').allTextContents()).toEqual(['LLM', 'CTM', 'Transformer', 'LSTM']);
    const labelField = form.locator('.field', { has: page.locator('#model-label') });
    expect(await labelField.textContent()).toContain('Optional');
    expect(await labelField.textContent()).not.toMatch(/required/i);
    await form.getByLabel('Id', { exact: true }).fill('no-label');
    await form.getByLabel('Base URL').fill(upstream.url);
    await form.getByLabel('Model name').fill('test-model');
    await form.getByRole('button', { name: 'Add model' }).click();
    await page.waitForURL(`${app.url}/models`);
    const row = page.locator('tr[data-model-id="no-label"]');
    await row.waitFor();
    expect(db.$client.prepare(`SELECT label FROM models WHERE id = 'no-label'`).get()).toEqual({ label: 'no-label' });
    expect(errors).toEqual([]);
    await page.close();
  });
});
