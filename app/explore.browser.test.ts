import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium } from '../testing/browser/chromium';
import { startApp, type RunningApp } from '../testing/browser/next-server';
import { alpha, beta, ctm, gamma, XSS_RESPONSE } from '../testing/explore-fixtures/patterns';
import type { SyntheticModel } from '../testing/explore-fixtures/seed-results';
import { promptIndex, writeSuiteFile } from '../testing/explore-fixtures/suite-file';
import { syntheticSuite } from '../testing/explore-fixtures/synthetic-suite';
import { startOpenAITestServer } from '../testing/openai-test-server';

const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-explore-browser-'));
const dbFile = path.join(dir, 'sawtooth.db');
const configFile = path.join(dir, 'sawtooth.config.json');
process.env.SAWTOOTH_DB = dbFile;
process.env.SAWTOOTH_CONFIG = configFile;
const shots = path.resolve('test-results', 'screenshots');

const { main } = await import('../scripts/cli');

const FAMILIES = 4;
const suite = syntheticSuite({ id: 'explore', families: FAMILIES, pairsPerFamily: 12 });
const suiteFile = path.join(dir, 'explore.yaml');
const patterns: Record<string, SyntheticModel> = { alpha, beta, gamma, 'ctm-local': ctm };

async function evalModel(args: string[]): Promise<{ model: string; runs: number[] }> {
  let out = '';
  let err = '';
  const code = await main(['eval', '--suite', suiteFile, '--json', ...args], { stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
  if (code !== 0) throw new Error(`eval ${args.join(' ')} failed: ${err}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as { model: string; runs: number[] };
}

/** Opens a page that fails the test on any console error; returns it with its error list. */
async function open(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const errors = collectPageErrors(page);
  await page.goto(url);
  return { page, errors };
}

describe('explore pages in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  const ids: Record<string, string> = {};
  let alphaRun = 0;

  beforeAll(async () => {
    // Real data: real evals through the real SDK against our test server, one deterministic pattern per model name.
    writeSuiteFile(suite, suiteFile);
    const byPrompt = promptIndex(suite);
    const upstream = await startOpenAITestServer({
      models: Object.keys(patterns),
      answer: (prompt, { model }) => {
        const probe = byPrompt.get(prompt);
        if (!probe) return 'unknown prompt';
        const reply = patterns[model]!({ ...probe, sample: 1 });
        return reply.outcome === 'pass' ? `Working it out.\n\nThe answer is ${probe.answer}.` : (reply.response ?? 'I am not sure.');
      },
      // The CTM's telemetry object, as our checkpoint server sends it.
      extension: (prompt, { model }) => {
        if (model !== 'ctm-local') return undefined;
        const ticks = patterns[model]!({ ...byPrompt.get(prompt)!, sample: 1 }).ticks!;
        return { ticksUsed: ticks, haltingTick: ticks, certaintyPerTick: Array.from({ length: ticks }, (_, i) => (i + 1) / ticks) };
      },
    });
    writeFileSync(configFile, JSON.stringify({ models: [{ id: 'ctm-local', label: 'CTM local', arch: 'ctm', baseURL: upstream.url, model: 'ctm-local' }] }));
    for (const name of ['alpha', 'beta', 'gamma']) {
      const report = await evalModel(['--base-url', upstream.url, '--model-name', name]);
      ids[name] = report.model;
      if (name === 'alpha') alphaRun = report.runs[0]!;
    }
    ids.ctm = (await evalModel(['--model', 'ctm-local'])).model;
    await upstream.close();

    app = await startApp({ SAWTOOTH_DB: dbFile, SAWTOOTH_CONFIG: configFile });
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaderboard: sorts by header (mouse and keyboard), filters by text and arch, draws sparklines, links a comparison', async () => {
    const { page, errors } = await open(browser, `${app.url}/?suite=explore`);
    const table = page.getByTestId('leaderboard');
    await table.waitFor();
    const rowIds = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-model')));
    expect((await rowIds()).sort()).toEqual(Object.values(ids).sort());
    expect(await table.getByTestId('sparkline').count()).toBe(4);
    // One tooth per family (easy → hard).
    expect(await table.getByTestId('sparkline').first().locator('path').count()).toBe(FAMILIES);
    await page.screenshot({ path: path.join(shots, 'explore-leaderboard.png'), fullPage: true });

    // Keyboard: focus the Model header's button and press Enter → A→Z; Enter again → Z→A.
    const modelHeader = table.locator('th', { has: page.getByRole('button', { name: /^Model/ }) });
    await modelHeader.getByRole('button').focus();
    // The sort lives in the URL, so each step waits for the page to follow it.
    await page.keyboard.press('Enter');
    await expect.poll(() => modelHeader.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await rowIds();
    await page.keyboard.press('Enter');
    await expect.poll(() => modelHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await rowIds()).toEqual([...ascending].reverse());
    // A reload (or a shared link) keeps the order.
    expect(new URL(page.url()).searchParams.get('sort')).toBe('model');
    await page.reload();
    await expect.poll(() => modelHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await rowIds()).toEqual([...ascending].reverse());
    // Mouse: Easy acc, best first. beta passes more easy probes than alpha.
    await table.getByRole('button', { name: /^Easy acc/ }).click();
    const easyHeader = table.locator('th', { has: page.getByRole('button', { name: /^Easy acc/ }) });
    await expect.poll(() => easyHeader.getAttribute('aria-sort')).toBe('descending');
    const byEasy = await rowIds();
    expect(byEasy.indexOf(ids.beta!)).toBeLessThan(byEasy.indexOf(ids.alpha!));

    await page.getByTestId('leaderboard-search').fill('gamma');
    expect(await rowIds()).toEqual([ids.gamma]);
    await page.getByTestId('leaderboard-search').fill('');
    await page.getByTestId('leaderboard-arch').selectOption('ctm');
    expect(await rowIds()).toEqual([ids.ctm]);
    expect(await table.locator('.tag').textContent()).toBe('CTM');
    await page.getByTestId('leaderboard-arch').selectOption('all');

    await page.getByRole('checkbox', { name: /Select alpha/ }).check();
    await page.getByRole('checkbox', { name: /Select beta/ }).check();
    await page.getByRole('link', { name: 'Compare selected' }).click();
    await page.waitForURL(/\/compare\?models=/);
    expect(new URL(page.url()).searchParams.get('models')!.split(',').sort()).toEqual([ids.alpha, ids.beta].sort());
    await page.getByTestId('compare-chart').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('model page: chart, family table, jagged pairs with both transcripts (filterable), chart export as SVG and PNG', async () => {
    const { page, errors } = await open(browser, `${app.url}/models/${encodeURIComponent(ids.alpha!)}?suite=explore`, { width: 1280, height: 1000 });
    const chart = page.getByTestId('sawtooth-chart');
    await chart.locator('.recharts-line-curve').waitFor();
    expect(await chart.locator('circle[data-tier="easy"]').count()).toBe(FAMILIES);
    expect(await page.getByTestId('family-table').locator('tbody tr').count()).toBe(FAMILIES);
    const jagged = page.getByTestId('jagged-pairs');
    await jagged.waitFor();
    // alpha is jagged on pairs 0 and 6 of every family: 8 pairs, one page of 10.
    expect(await jagged.getByTestId('jagged-pair').count()).toBe(FAMILIES * 2);
    const first = jagged.getByTestId('jagged-pair').first();
    expect(await first.textContent()).toMatch(/squared/);
    expect(await first.getByTestId('transcript-response').count()).toBe(2);
    await jagged.getByTestId('jagged-family').selectOption(suite.families[0]!.id);
    await expect.poll(() => jagged.getByTestId('jagged-pair').count()).toBe(2);
    expect(await page.getByTestId('thinking-time-chart').count()).toBe(0);

    const svgDownload = page.waitForEvent('download');
    await chart.getByRole('button', { name: 'Export SVG' }).click();
    const svgFile = await (await svgDownload).path();
    const svg = readFileSync(svgFile, 'utf8');
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('recharts-line-curve');
    expect(svg).not.toContain('var(--');
    const pngDownload = page.waitForEvent('download');
    await chart.getByRole('button', { name: 'Export PNG' }).click();
    const download = await pngDownload;
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const png = readFileSync(await download.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(5_000);
    await page.screenshot({ path: path.join(shots, 'explore-model-page.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('model page of the CTM: thinking time on easy vs hard probes per family', async () => {
    const { page, errors } = await open(browser, `${app.url}/models/${encodeURIComponent(ids.ctm!)}?suite=explore`, { width: 1280, height: 1000 });
    const chart = page.getByTestId('thinking-time-chart');
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBe(FAMILIES * 2);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'explore-thinking-time.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('compare: overlay, "within noise" and a real difference, disagreement filters in the URL, HTML report', async () => {
    const url = `${app.url}/compare?models=${ids.alpha},${ids.beta}&filter=fail,pass&suite=explore`;
    const { page, errors } = await open(browser, url, { width: 1280, height: 1000 });
    const chart = page.getByTestId('compare-chart');
    await chart.locator('.recharts-line-curve').nth(1).waitFor();
    expect(await chart.locator('.recharts-line-curve').count()).toBe(2);
    const table = page.getByTestId('comparison-table');
    expect(await table.getByText('within noise').count()).toBe(FAMILIES - 1);
    expect(await table.locator('tbody').getByText(/better$/).count()).toBe(1);
    // The URL's filters are applied: alpha fails and beta passes on all 11 disagreements.
    expect(await page.getByTestId('filter-0').inputValue()).toBe('fail');
    expect(await page.getByTestId('filter-1').inputValue()).toBe('pass');
    await expect.poll(() => page.getByTestId('disagreement-count').textContent()).toMatch(/^11 disagreements/);
    await page.screenshot({ path: path.join(shots, 'explore-compare.png'), fullPage: true });

    // Changing a filter rewrites the URL; that URL alone brings the same view back.
    await page.getByTestId('filter-0').selectOption('pass');
    await page.waitForURL(/filter=pass%2Cpass|filter=pass,pass/);
    await expect.poll(() => page.getByTestId('disagreement-count').textContent()).toMatch(/^0 disagreements/);
    await page.getByTestId('filter-0').selectOption('any');
    await page.getByTestId('disagreement-family').selectOption(suite.families[0]!.id);
    await page.waitForURL(/family=/);
    const shared = page.url();
    const again = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const againErrors = collectPageErrors(again);
    await again.goto(shared);
    await expect.poll(() => again.getByTestId('disagreement-count').textContent()).toMatch(/^1 disagreement /);
    expect(await again.getByTestId('disagreement-family').inputValue()).toBe(suite.families[0]!.id);
    expect(await again.getByTestId('filter-1').inputValue()).toBe('pass');
    expect(await again.getByTestId('disagreement-row').textContent()).toContain('<script>window.__xss=1</script>');
    expect(await again.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(againErrors).toEqual([]);
    await again.close();

    // The model picker adds a third model.
    await page.getByTestId('add-model-select').selectOption(ids.gamma!);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.waitForURL(new RegExp(`models=.*${ids.gamma}`));
    await expect.poll(() => chart.locator('.recharts-line-curve').count()).toBe(3);
    expect(await page.getByTestId('comparison-table').count()).toBe(2);

    const reportDownload = page.waitForEvent('download');
    await page.getByTestId('report-download').click();
    const html = readFileSync(await (await reportDownload).path(), 'utf8');
    expect(html).toMatch(/<svg class="sawtooth-chart"/);
    expect(html).toContain('alpha (127.0.0.1');
    expect(html).toContain('gamma (127.0.0.1');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('dark mode: the toggle sets data-theme, survives a reload without a flash, and "Auto" hands back to the system', async () => {
    const { page, errors } = await open(browser, `${app.url}/models/${encodeURIComponent(ids.alpha!)}?suite=explore`, { width: 1280, height: 1000 });
    await page.getByTestId('sawtooth-chart').locator('.recharts-line-curve').waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.getByTestId('theme-dark').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).not.toBe(light);
    expect(await page.getByTestId('theme-dark').getAttribute('aria-pressed')).toBe('true');
    // Before any script of the app runs, the inline boot script has already applied the stored theme.
    await page.reload({ waitUntil: 'commit' });
    await page.waitForFunction(() => document.body !== null);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByTestId('sawtooth-chart').locator('.recharts-line-curve').waitFor();
    await page.getByTestId('jagged-pairs').waitFor();
    await page.screenshot({ path: path.join(shots, 'explore-model-page-dark.png'), fullPage: true });
    await page.getByTestId('theme-auto').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    expect(await page.evaluate(() => localStorage.getItem('sawtooth-theme'))).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('XSS: a stored response with <script> and <img onerror> is shown as text on the model and run pages, never run', async () => {
    const { page, errors } = await open(browser, `${app.url}/models/${encodeURIComponent(ids.alpha!)}?suite=explore`);
    const jagged = page.getByTestId('jagged-pairs');
    await jagged.getByTestId('jagged-family').selectOption(suite.families[0]!.id);
    await expect.poll(() => jagged.getByText(XSS_RESPONSE).count()).toBe(1);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    await page.goto(`${app.url}/runs/${alphaRun}`);
    await page.getByTestId('results-table').waitFor();
    await page.getByRole('button', { name: 'fail', exact: true }).click();
    await expect.poll(() => page.getByTestId('results-table').getByText(XSS_RESPONSE).count()).toBe(1);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.getByTestId('results-table').getByText(XSS_RESPONSE).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'explore-xss-run-page.png'), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });
});
