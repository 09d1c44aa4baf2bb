import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/client';
import { familyLabel } from '../evals/charts/family-axis';
import { collectPageErrors, launchChromium } from '../testing/browser/chromium';
import { startApp, type RunningApp } from '../testing/browser/next-server';
import { seedRun } from '../testing/explore-fixtures/seed-results';
import { chartLabels as labels, FAMILY_IDS, layoutSuite, SCOPED_FAMILIES, scoped, STEADY, steady, thinker, UNEVEN, uneven } from '../testing/explore-fixtures/layout-models';

/**
 * Layout at 1280 and 390 px (issue 13) in Chromium against the production build and a real SQLite file: every page
 * stays on the screen; the compare verdict badges are whole; each chart's first x label lies inside its chart and, on a
 * phone, no two labels overlap (the profile charts and the thinking-time bars alike); the HTML report's chart and
 * legend do the same; each sparkline shows its model's own shape. Families carry core's real, long names, so labels
 * are as crowded as they are for users.
 */
const suite = layoutSuite();
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-layout-'));
const dbFile = path.join(dir, 'sawtooth.db');
const shots = path.resolve('test-results', 'screenshots');

describe('layout at 1280 and 390 px in Chromium', () => {
  let db: Db;
  let app: RunningApp;
  let browser: Browser;
  const runs: number[] = [];

  beforeAll(async () => {
    db = openDb(dbFile);
    runs.push(await seedRun(db, { modelId: 'steady', label: STEADY, suite, answer: steady }));
    runs.push(await seedRun(db, { modelId: 'steady', label: STEADY, suite, answer: (p) => (p.familyIndex === 5 ? { outcome: 'pass' } : steady(p)) }));
    await seedRun(db, { modelId: 'uneven', label: UNEVEN, suite, answer: uneven });
    await seedRun(db, { modelId: 'scoped-checkpoint', label: 'Scoped checkpoint', arch: 'ctm', suite, answer: scoped });
    await seedRun(db, { modelId: 'thinker', label: 'Thinking checkpoint', arch: 'ctm', suite, answer: thinker });
    app = await startApp({ SAWTOOTH_DB: dbFile, SAWTOOTH_CONFIG: path.join(dir, 'none.json') });
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    db?.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens `url` at `width` and waits until nothing says "Loading…" any more. */
  async function open(url: string, width: number): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}${url}`);
    await page.locator('main h1, main h2').first().waitFor();
    await expect.poll(() => page.locator('.loading').count(), { timeout: 60_000 }).toBe(0);
    return { page, errors };
  }

  const PAGES: Array<[name: string, url: () => string, ready?: string]> = [
    ['leaderboard', () => '/?suite=layout', '[data-testid="sparkline"]'],
    ['runs', () => '/runs'],
    ['run', () => `/runs/${runs[0]}`, '[data-testid="results-table"]'],
    ['diff', () => `/runs/diff?before=${runs[0]}&after=${runs[1]}`],
    ['probes', () => '/probes'],
    ['models', () => '/models'],
    ['model-new', () => '/models/new'],
    ['model', () => '/models/steady?suite=layout', '.recharts-line-curve'],
    ['model-scoped', () => '/models/scoped-checkpoint?suite=layout', '.recharts-line-curve'],
    ['model-thinker', () => '/models/thinker?suite=layout', '[data-testid="thinking-time-chart"] .recharts-bar-rectangle'],
    ['model-edit', () => '/models/steady/edit'],
    ['compare', () => '/compare?models=steady,uneven,scoped-checkpoint&suite=layout', '.recharts-line-curve'],
    ['how-to-read', () => '/how-to-read'],
  ];

  it.each([1280, 390])('every page at %i px: its own tab title; nothing runs off the screen, the theme buttons and stat cards hold their content', async (width) => {
    const titles = new Map<string, string>();
    for (const [name, url, ready] of PAGES) {
      const { page, errors } = await open(url(), width);
      if (ready) await page.locator(ready).first().waitFor();
      titles.set(name, await page.title());
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} at ${width} px scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
      for (const theme of ['auto', 'light', 'dark']) {
        const b = (await page.getByTestId(`theme-${theme}`).boundingBox())!;
        expect(b.x, `${name}: theme button ${theme}`).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width, `${name}: theme button ${theme}`).toBeLessThanOrEqual(width);
      }
      // Every value on a stat card (the model page's verdict, the compare cards) stays inside its card.
      const spills = await page.locator('.card.stat').evaluateAll((cards) =>
        cards.flatMap((card) => {
          const c = card.getBoundingClientRect();
          return [...card.querySelectorAll('*')].filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && (r.left < c.left - 0.5 || r.right > c.right + 0.5);
          }).map((el) => `${el.className}: "${el.textContent?.slice(0, 40)}"`);
        }),
      );
      expect(spills, `${name} at ${width} px`).toEqual([]);
      await page.screenshot({ path: path.join(shots, `layout-${name}-${width}.png`), fullPage: true });
      expect(errors, name).toEqual([]);
      await page.close();
    }
    // Each page names itself in the tab (the issue found every page but compare titled alike).
    for (const [name, title] of titles) expect(title, name).toMatch(/^\S.* — Sawtooth$/);
    expect(new Set(titles.values()).size, [...titles].map(([n, t]) => `${n}: ${t}`).join('\n')).toBe(PAGES.length);
  }, 400_000);

  it('run page at 390 px: the results grid pages through every result and filters by family and outcome on the server', async () => {
    const { page, errors } = await open(`/runs/${runs[0]}`, 390);
    const grid = page.getByTestId('run-results');
    await grid.getByTestId('results-table').waitFor();
    const count = (where: string, ...args: unknown[]) => (db.$client.prepare(`SELECT count(*) AS n FROM results WHERE run_id = ?${where}`).get(runs[0], ...args) as { n: number }).n;
    const all = count('');
    expect(await grid.getByTestId('pager-status').textContent()).toBe(`1–50 of ${all}`);
    await grid.getByRole('button', { name: /^Next/ }).click();
    await expect.poll(() => grid.getByTestId('pager-status').textContent()).toBe(`51–100 of ${all}`);
    const family = FAMILY_IDS[4]!;
    await grid.getByLabel('Family').selectOption(family);
    const ofFamily = count(' AND family_id = ?', family);
    await expect.poll(() => grid.getByTestId('pager-status').textContent()).toBe(`1–${Math.min(50, ofFamily)} of ${ofFamily}`);
    await grid.getByRole('button', { name: 'fail', exact: true }).click();
    const failed = count(' AND family_id = ? AND outcome = ?', family, 'fail');
    await expect.poll(() => grid.getByTestId('pager-status').textContent()).toBe(`1–${Math.min(50, failed)} of ${failed}`);
    expect(await grid.locator('tbody tr').count()).toBe(Math.min(50, failed));
    expect(await grid.locator('tbody td.outcome-fail').count()).toBe(Math.min(50, failed));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(shots, 'layout-run-results-filtered-390.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('model page: every family-table header says what it measures and links to How to read', async () => {
    const { page, errors } = await open('/models/steady?suite=layout', 1280);
    const head = page.getByTestId('family-table').locator('thead th');
    await head.first().waitFor();
    const headers = await head.evaluateAll((ths) => ths.map((th) => ({ text: th.textContent ?? '', title: th.getAttribute('title') ?? '', link: th.querySelector('a')?.getAttribute('href') ?? null })));
    for (const label of ['CS', 'INV', 'RCS (ours)', 'RCS (ConsisEval)']) expect(headers.map((h) => h.text)).toContainEqual(expect.stringContaining(label));
    for (const h of headers) {
      expect(h.title.length, `"${h.text}" has no tooltip`).toBeGreaterThan(10);
      if (h.text !== 'Family') expect(h.link, `"${h.text}" has no link`).toMatch(/^\/how-to-read#[a-z-]+$/);
    }
    // Each link lands on a section that exists.
    for (const anchor of new Set(headers.flatMap((h) => (h.link ? [h.link.split('#')[1]!] : [])))) {
      await page.goto(`${app.url}/how-to-read#${anchor}`);
      expect(await page.locator(`[id="${anchor}"]`).count(), anchor).toBe(1);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('compare at 1280 px: each verdict badge shows its whole verdict inside its table', async () => {
    const { page, errors } = await open('/compare?models=steady,uneven&suite=layout', 1280);
    const table = page.getByTestId('comparison-table');
    await table.waitFor();
    const wrap = table.locator('xpath=..');
    expect(await wrap.evaluate((w) => w.scrollWidth - w.clientWidth)).toBeLessThanOrEqual(0);
    const frame = (await wrap.boundingBox())!;
    const badges = table.locator('.verdict');
    const texts = await badges.allTextContents();
    expect(texts).toContain(`${UNEVEN} better`);
    expect(texts).toContain(`${STEADY} better`);
    for (const text of texts) expect(text).toMatch(new RegExp(`^(${STEADY}|${UNEVEN.replace(/[()/]/g, '\\$&')}) better$|^within noise$|^no common probes$`));
    for (let i = 0; i < texts.length; i++) {
      const b = (await badges.nth(i).boundingBox())!;
      expect(b.x, texts[i]).toBeGreaterThanOrEqual(frame.x);
      expect(b.x + b.width, texts[i]).toBeLessThanOrEqual(frame.x + frame.width);
    }
    await page.getByText(`${STEADY} better`).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'layout-compare-verdicts-1280.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['model page', '/models/steady?suite=layout', 'sawtooth-chart', '.recharts-line-curve'],
    ['compare', '/compare?models=steady,uneven,scoped-checkpoint&suite=layout', 'compare-chart', '.recharts-line-curve'],
    ['thinking time', '/models/thinker?suite=layout', 'thinking-time-chart', '.recharts-bar-rectangle'],
  ])('%s chart: the first x label lies inside the chart; at 390 px labels are thinned, never overlap, and name their family in full', async (_, url, testId, drawn) => {
    for (const width of [1280, 390]) {
      const { page, errors } = await open(url, width);
      const chart = page.getByTestId(testId);
      await chart.locator(drawn).first().waitFor();
      const svg = (await chart.locator('.recharts-wrapper > svg').boundingBox())!;
      const shown = await labels(chart);
      expect(shown.length, `labels at ${width} px`).toBeGreaterThan(1);
      for (const l of shown) {
        expect(l.left, `"${l.text}" at ${width} px`).toBeGreaterThanOrEqual(svg.x - 0.5);
        expect(l.right, `"${l.text}" at ${width} px`).toBeLessThanOrEqual(svg.x + svg.width + 0.5);
        expect(l.bottom, `"${l.text}" at ${width} px`).toBeLessThanOrEqual(svg.y + svg.height + 0.5);
        // The tooltip names the family in full; the label is its skill name, or the start of it cut with "…".
        expect(FAMILY_IDS).toContain(l.title);
        const skill = familyLabel(l.title!);
        expect(l.text === skill || (l.text.endsWith('…') && skill.startsWith(l.text.slice(0, -1)))).toBe(true);
      }
      expect(shown[0]!.title).toBe(FAMILY_IDS[0]);
      if (width === 390) {
        // Vertical labels: their boxes are the text itself, so boxes that do not meet mean labels that do not touch.
        expect(shown.length).toBeLessThan(FAMILY_IDS.length);
        const byX = [...shown].sort((a, b) => a.left - b.left);
        for (let i = 1; i < byX.length; i++) expect(byX[i]!.left, `"${byX[i - 1]!.text}" and "${byX[i]!.text}"`).toBeGreaterThanOrEqual(byX[i - 1]!.right);
      } else {
        expect(shown.length).toBe(FAMILY_IDS.length);
      }
      if (testId === 'thinking-time-chart') {
        // Hovering the first family's bars opens the chart's own tooltip, which names the family in full.
        await chart.locator(drawn).first().hover();
        await expect.poll(() => chart.locator('.chart-tooltip strong').textContent()).toBe(FAMILY_IDS[0]);
      }
      await chart.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, `layout-${testId}-${width}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 240_000);

  it('report: the first x label inside its chart, legend names apart, and no sideways scroll on a phone', async () => {
    const res = await fetch(`${app.url}/api/report?models=steady,uneven,scoped-checkpoint&suite=layout`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const width of [1280, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.setContent(html);
      const chart = page.locator('svg.sawtooth-chart');
      const svg = (await chart.boundingBox())!;
      const first = (await chart.locator('text', { hasText: familyLabel(FAMILY_IDS[0]!) }).first().boundingBox())!;
      expect(first.x).toBeGreaterThanOrEqual(svg.x - 0.5);
      const legend = await chart.locator('text[font-size="12"]').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, top: r.top })));
      expect(legend).toHaveLength(3);
      for (const a of legend) for (const b of legend) if (a !== b && a.top === b.top) expect(a.right <= b.left || b.right <= a.left).toBe(true);
      // The chart and the wide tables scroll inside their own boxes; the page itself does not scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(shots, `layout-report-${width}.png`) });
      await page.close();
    }
  });

  it('leaderboard: the profile column is on screen at 1280 px and each sparkline shows its own model\'s shape', async () => {
    const { page, errors } = await open('/?suite=layout', 1280);
    const table = page.getByTestId('leaderboard');
    await table.getByTestId('sparkline').first().waitFor();
    const wrap = table.locator('xpath=..');
    expect(await wrap.evaluate((w) => w.scrollWidth - w.clientWidth)).toBeLessThanOrEqual(0);
    const shapes = new Map<string, string>();
    for (const id of ['steady', 'uneven', 'scoped-checkpoint']) {
      const spark = table.locator(`tr[data-model="${id}"]`).getByTestId('sparkline');
      const b = (await spark.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(1280);
      shapes.set(id, (await spark.locator('path').evaluateAll((ps) => ps.map((p) => p.getAttribute('d')))).join(' '));
    }
    expect(new Set(shapes.values()).size).toBe(3);
    // The scoped model answered 2 families: 2 teeth, each wide enough to read, each naming its family.
    const scopedTeeth = table.locator('tr[data-model="scoped-checkpoint"]').getByTestId('sparkline').locator('path');
    expect(await scopedTeeth.count()).toBe(SCOPED_FAMILIES.length);
    for (let i = 0; i < SCOPED_FAMILIES.length; i++) {
      expect((await scopedTeeth.nth(i).boundingBox())!.width).toBeGreaterThanOrEqual(5);
      expect(await scopedTeeth.nth(i).locator('title').textContent()).toContain(FAMILY_IDS[SCOPED_FAMILIES[i]!]);
    }
    await table.screenshot({ path: path.join(shots, 'layout-leaderboard-sparklines-1280.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
