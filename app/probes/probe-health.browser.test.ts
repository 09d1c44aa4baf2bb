import { sqliteStore } from '../../db/store';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/client';
import { findFamilyGenerator } from '../../evals/families';
import { createCaller } from '../../server/trpc/root';
import { collectPageErrors, launchChromium } from '../../testing/browser/chromium';
import { startApp, type RunningApp } from '../../testing/browser/next-server';

const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-health-ui-'));
const dbFile = path.join(dir, 'sawtooth.db');
const shots = path.resolve('test-results', 'screenshots');
const MODELS = ['h-one', 'h-two', 'h-three', 'h-four', 'h-five', 'h-six'];

/** 8 pairs of one family, imported as a CSV file. */
function seedCsv(): string {
  const rows = ['family,easy_prompt,easy_answer,hard_prompt,hard_answer,grader,domain,family_title,family_description,pair_rule'];
  for (let n = 1; n <= 8; n++) rows.push(`arithmetic.adding-nine,What is ${n} + 9?,${n + 9},What is ${n * 1000 + 991} + 9?,${n * 1000 + 1000},numeric${n === 1 ? ',arithmetic,Adding nine,Adding nine to a number.,The hard probe carries through every digit.' : ',,,,'}`);
  return `${rows.join('\n')}\n`;
}

/**
 * Six models: on pair #000 four of them fail the easy probe and none the hard one (mis-tiered); nobody passes the
 * hard probe of #001; otherwise model i fails the hard probe of pairs whose index is a multiple of i + 2.
 */
function passes(model: number, pair: number, tier: 'easy' | 'hard'): boolean {
  if (pair === 0) return tier === 'hard' || model >= 4;
  if (pair === 1) return tier === 'easy';
  return tier === 'easy' || pair % (model + 2) !== 0;
}

describe('probe health on the probes page in Chromium', () => {
  let db: Db;
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    db = openDb(dbFile);
    const caller = createCaller({ store: sqliteStore(db) });
    const seeded = await caller.suites.importFile({ suiteId: 'health-demo', title: 'Health demo', fileName: 'seed.csv', text: seedCsv() });
    expect(seeded.ok).toBe(true);
    const lines = MODELS.flatMap((model, m) =>
      Array.from({ length: 8 }, (_, i) => i).flatMap((i) =>
        (['easy', 'hard'] as const).map((tier) => JSON.stringify({ model, probe: `arithmetic.adding-nine#${String(i).padStart(3, '0')}/${tier}`, response: 'labelled', correct: passes(m, i, tier) })),
      ),
    );
    const imported = await caller.imports.results({ fileName: 'six-models.jsonl', text: lines.join('\n') });
    expect(imported.ok).toBe(true);
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

  it('shows the mis-tiered pair, the flagged probes and difficulties with intervals; and a family\'s reported failure', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/probes`);
    await page.locator('#browse-suite').selectOption('health-demo');
    await page.getByText('Probe health', { exact: true }).click();
    const health = page.getByTestId('probe-health');
    await health.waitFor();
    expect(await health.textContent()).toContain('results from 6 models. 1 of 8 pairs likely mis-tiered');
    const misTiered = page.getByTestId('mis-tiered-table');
    expect(await misTiered.locator('tbody tr').count()).toBe(1);
    expect(await misTiered.textContent()).toContain('arithmetic.adding-nine#000');
    expect(await misTiered.textContent()).toContain('4 of 6');
    expect(await page.getByTestId('flag-nobody').textContent()).toContain('arithmetic.adding-nine#001/hard');
    const first = page.getByTestId('difficulty-table').locator('tbody tr').first();
    expect(await first.textContent()).toMatch(/arithmetic\.adding-nine#001\/hard\s*0 of 6\+2\.56\[\+\d\.\d\d, \+\d\.\d\d\]/);
    await page.screenshot({ path: path.join(shots, 'probe-health.png'), fullPage: true });

    // A built-in family cites the failure it probes.
    await page.locator('#browse-suite').selectOption('core');
    await page.locator('#browse-family').selectOption('commonsense.siblings');
    const cited = page.getByTestId('reported-failure');
    await cited.waitFor();
    expect(await cited.textContent()).toContain(findFamilyGenerator('commonsense.siblings')!.reportedFailure!.source);
    expect(errors).toEqual([]);
    await page.close();
  });
});
