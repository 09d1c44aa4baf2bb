import { sql } from 'drizzle-orm';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgStore, type Store } from '../db/store';
import { pairProbes } from '../evals/contracts';
import { loadSuite } from '../evals/suites';
import { collectPageErrors, launchChromium } from '../testing/browser/chromium';
import { startApp, type RunningApp } from '../testing/browser/next-server';
import { spawnCli } from '../testing/cli/spawn-cli';
import { startOpenAITestServer, type OpenAITestServer } from '../testing/openai-test-server';
import { postgresForTests, startThrowawayCluster, type ThrowawayCluster } from '../testing/postgres';

// The dashboard on PostgreSQL, end to end: a CLI eval and the dashboard's own worker write into a throwaway cluster
// (SAWTOOTH_DATABASE_URL), and the pages read it back in Chromium. The SQLite side of the same pages is the rest of
// the browser suite.
const binaries = postgresForTests();
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-pg-browser-'));
const configFile = path.join(dir, 'none.json');
const shots = path.resolve('test-results', 'screenshots');
const suite = loadSuite('smoke');

describe.skipIf(!binaries)('the dashboard on PostgreSQL in Chromium', () => {
  let cluster: ThrowawayCluster;
  let url = '';
  let store: Store;
  let upstream: OpenAITestServer;
  let app: RunningApp;
  let browser: Browser;
  let modelId = '';

  beforeAll(async () => {
    cluster = await startThrowawayCluster(binaries);
    url = await cluster.createDatabase('sawtooth');
    // Right on every easy probe, wrong on every hard one: a profile whose shape the pages must show.
    const easy = new Map(suite.pairs.map((p) => [p.easy.prompt, p.easy.answer]));
    upstream = await startOpenAITestServer({ answer: (prompt) => (easy.has(prompt) ? `The answer is ${easy.get(prompt)}.` : 'No idea.') });
    const env = { SAWTOOTH_DATABASE_URL: url, SAWTOOTH_CONFIG: configFile };
    const evalRun = spawnCli(['eval', '--suite', 'smoke', '--base-url', upstream.url, '--model-name', 'pg-model', '--json'], env);
    expect(await evalRun.exited, evalRun.stderr()).toBe(0);
    modelId = (JSON.parse(evalRun.stdout().trim().split('\n').at(-1)!) as { model: string }).model;
    store = await openPgStore(url, { migrate: false });
    app = await startApp({ ...env, SAWTOOTH_WORKER: '1' });
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await upstream?.close();
    await store?.close();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the CLI eval on the leaderboard and draws its model page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/?suite=smoke`);
    await page.locator(`tr[data-model="${modelId}"]`).waitFor();
    await page.goto(`${app.url}/models/${encodeURIComponent(modelId)}?suite=smoke`);
    const chart = page.getByTestId('sawtooth-chart');
    await chart.locator('.recharts-line-curve').waitFor();
    const families = new Set(suite.pairs.map((p) => p.family)).size;
    expect(await chart.locator('circle[data-tier="easy"]').count()).toBe(families);
    expect(await page.getByTestId('family-table').locator('tbody tr').count()).toBe(families);
    await page.screenshot({ path: path.join(shots, 'postgres-model-page.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("starts a run from the form; the dashboard's worker works it on PostgreSQL, one result per probe", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/runs`);
    const form = page.getByTestId('start-run-form');
    await form.waitFor();
    await form.getByLabel(modelId, { exact: false }).check();
    await form.getByLabel('Suite').selectOption('smoke');
    await form.getByTestId('run-estimate').waitFor();
    await form.getByRole('button', { name: /^Start/ }).click();
    await page.waitForURL(/\/runs\/\d+$/);
    const runId = Number(page.url().split('/').pop());
    await page.getByTestId('run-status').filter({ hasText: 'completed' }).waitFor({ timeout: 60_000 });
    const counts = await store.get<{ n: number; distinct: number }>(
      sql`SELECT count(*) AS "n", count(DISTINCT (probe_key, sample)) AS "distinct" FROM results WHERE run_id = ${runId}`,
    );
    const probes = suite.pairs.flatMap(pairProbes).length; // contrast twins included
    expect(counts).toEqual({ n: probes, distinct: probes });
    await page.screenshot({ path: path.join(shots, 'postgres-run.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
