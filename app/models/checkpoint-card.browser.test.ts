import { sqliteStore } from '../../db/store';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { upsertModel } from '../../server/models/sync-models';
import { collectPageErrors, launchChromium } from '../../testing/browser/chromium';
import { freePort, startApp, type RunningApp } from '../../testing/browser/next-server';
import { spawnCli, until, type CliChild } from '../../testing/cli/spawn-cli';

/**
 * The model page's training card in Chromium against the production build, with the real checkpoint server
 * (`sawtooth serve` over copies of the shipped ctm-parity and transformer-parity) on loopback: the CTM's thinking
 * time on unseen inputs drawn with its card's numbers, the Transformer's accuracy by length, and one line for a hosted
 * model and for a checkpoint server that is down. Screenshots at 1280 and 390 px (test-results/screenshots).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-card-ui-'));
const dbFile = path.join(dir, 'sawtooth.db');
const shots = path.resolve('test-results', 'screenshots');
const SHIPPED = ['ctm-parity', 'transformer-parity'];
const card = (name: string) => JSON.parse(readFileSync(path.join(root, 'checkpoints', name, 'card.json'), 'utf8'));

const model = (id: string, arch: 'llm' | 'ctm' | 'transformer', baseUrl: string, modelName: string) => ({
  id, label: id, arch, baseUrl, modelName, apiKeyEnv: null, temperature: null, maxTokens: null, systemPrompt: null,
  reasoning: false, priceInput: null, priceOutput: null, origin: 'cli' as const,
});

describe('training card on the model page in Chromium', () => {
  let serve: CliChild;
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    const checkpoints = path.join(dir, 'checkpoints');
    for (const name of SHIPPED) {
      mkdirSync(path.join(checkpoints, name), { recursive: true });
      for (const file of ['config.json', 'model.safetensors', 'card.json']) copyFileSync(path.join(root, 'checkpoints', name, file), path.join(checkpoints, name, file));
    }
    serve = spawnCli(['serve', '--port', '0', '--checkpoints', checkpoints, '--max-batch', '1'], {});
    await until(() => /^http:\/\/\S+$/m.test(serve.stdout()) || serve.child.exitCode !== null);
    if (serve.child.exitCode !== null) throw new Error(`serve exited: ${serve.stderr()}`);
    const serveUrl = `${/^(http:\/\/\S+)$/m.exec(serve.stdout())![1]!}/v1`;
    const db = openDb(dbFile);
    await upsertModel(sqliteStore(db), model('sawtooth-ctm', 'ctm', serveUrl, 'sawtooth-ctm'));
    await upsertModel(sqliteStore(db), model('transformer-parity', 'transformer', serveUrl, 'transformer-parity'));
    await upsertModel(sqliteStore(db), model('hosted', 'llm', 'https://api.example.com/v1', 'gpt-x'));
    await upsertModel(sqliteStore(db), model('down-ctm', 'ctm', `http://127.0.0.1:${await freePort()}/v1`, 'sawtooth-ctm'));
    db.$client.close();
    app = await startApp({ SAWTOOTH_DB: dbFile, SAWTOOTH_CONFIG: path.join(dir, 'none.json') });
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    serve?.child.kill('SIGTERM');
    await serve?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(id: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/models/${id}`);
    return { page, errors };
  }

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(shots, `card-${name}-1280.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('card-accuracy-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await page.screenshot({ path: path.join(shots, `card-${name}-390.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} is wider than a 390 px screen`).toBeLessThanOrEqual(1);
  }

  it("draws the CTM's thinking time on unseen inputs with its card's numbers", async () => {
    const { page, errors } = await open('sawtooth-ctm');
    const thinking = card('ctm-parity').evaluation.thinking;
    const accuracy = page.getByTestId('thinking-accuracy-chart');
    await accuracy.locator('.recharts-line-dot').first().waitFor();
    expect(await page.getByRole('heading', { name: 'Thinking time on unseen inputs' }).count()).toBe(1);
    expect(await accuracy.locator('.recharts-line-dot').count()).toBe(thinking.byTicks.length);
    expect(await accuracy.locator('.recharts-area-area').count()).toBe(1);
    const ticks = page.getByTestId('thinking-ticks-chart');
    expect(await ticks.locator('.recharts-line-dot').count()).toBe(thinking.ticksUsedByLength.length);
    expect(await ticks.locator('.recharts-errorBar').count()).toBe(thinking.ticksUsedByLength.length);
    const caption = (await page.getByTestId('thinking-caption').textContent()) ?? '';
    expect(caption).toContain(`n = ${thinking.byTicks[0].n.toLocaleString('en-US')} inputs per point`);
    expect(caption).toContain('Test split, lengths held out of training');
    expect(caption).toContain(`Halting threshold ${thinking.threshold} (chosen on the validation split)`);
    const { correct, wrong } = thinking.ticksUsedByCorrectness;
    expect(await page.getByTestId('ticks-right').textContent()).toContain(`${correct.mean.toFixed(1)} ticks`);
    expect(await page.getByTestId('ticks-right').textContent()).toContain(`n ${correct.n.toLocaleString('en-US')}`);
    expect(await page.getByTestId('ticks-wrong').textContent()).toContain(`${wrong.mean.toFixed(1)} ticks`);
    expect(await page.getByTestId('card-accuracy-chart').locator('.recharts-bar-rectangle').count()).toBe(card('ctm-parity').evaluation.byLength.length);
    // The tooltip of the last tick reads the card's accuracy and n.
    await accuracy.locator('.recharts-line-dot').last().hover();
    const last = thinking.byTicks.at(-1);
    await page.getByText(`stopped after ${last.ticks} ticks`).waitFor();
    await page.getByTestId('thinking-accuracy-chart').scrollIntoViewIfNeeded();
    await shoot(page, 'ctm');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a Transformer its accuracy by length, and no thinking time', async () => {
    const { page, errors } = await open('transformer-parity');
    const chart = page.getByTestId('card-accuracy-chart');
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBe(card('transformer-parity').evaluation.byLength.length);
    expect(await page.getByTestId('thinking-accuracy-chart').count()).toBe(0);
    expect(await page.getByTestId('card-accuracy-caption').textContent()).toContain('no thinking time to vary');
    await shoot(page, 'transformer');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says in one line that a hosted model has no card and that a checkpoint server is down', async () => {
    for (const [id, text] of [['hosted', 'Not a local checkpoint'], ['down-ctm', 'is not running (connection refused)']] as const) {
      const { page, errors } = await open(id);
      const note = page.getByTestId('checkpoint-card-note');
      await note.waitFor();
      expect(await note.textContent()).toContain(text);
      expect(await page.getByRole('heading', { name: 'Runs' }).count()).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
