import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium } from '../../testing/browser/chromium';
import { freePort } from '../../testing/browser/next-server';

/**
 * The main job, as a new user runs it: `sawtooth up` with the shipped config and checkpoints starts the checkpoint
 * server and the dashboard, evaluates the CTM, Transformer and LSTM on the core suite, and the dashboard shows their
 * profiles. Only the database, the ports and the config file's location are moved into a temp folder.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-up-'));
const dbFile = path.join(dir, 'sawtooth.db');
const shots = path.resolve('test-results', 'screenshots');

describe('sawtooth up (the main job) with no configuration', () => {
  let up: ChildProcess;
  let url = '';
  let localPort = 0;
  let browser: Browser;
  let output = '';

  beforeAll(async () => {
    const shipped = JSON.parse(readFileSync(path.join(root, 'sawtooth.config.json'), 'utf8'));
    localPort = await freePort();
    // The shipped config's models point at :8808; --checkpoint-port moves the server and them together (issue 12.10).
    shipped.localServer = { ...shipped.localServer, checkpoints: path.join(root, 'checkpoints') };
    const configFile = path.join(dir, 'sawtooth.config.json');
    writeFileSync(configFile, JSON.stringify(shipped));
    const port = await freePort();
    // PORT, as `next start` users expect, instead of --port.
    up = spawn(process.execPath, [path.join(root, 'bin', 'sawtooth.mjs'), 'up', '--checkpoint-port', String(localPort)], {
      cwd: root,
      env: { ...process.env, PORT: String(port), SAWTOOTH_DB: dbFile, SAWTOOTH_CONFIG: configFile, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    up.stdout?.on('data', (c) => (output += c));
    up.stderr?.on('data', (c) => (output += c));
    const deadline = Date.now() + 300_000;
    while (!/Sawtooth is running at (\S+)/.test(output)) {
      if (up.exitCode !== null || Date.now() > deadline) throw new Error(`sawtooth up did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    url = /Sawtooth is running at (\S+)/.exec(output)![1]!;
    expect(url).toBe(`http://127.0.0.1:${port}`);
    // Wait for the three evaluation runs the main job queued to finish (the dashboard server's worker answers them).
    const db = new Database(dbFile, { readonly: true });
    try {
      for (;;) {
        const rows = db.prepare(`SELECT status FROM runs`).all() as Array<{ status: string }>;
        if (rows.length === 3 && rows.every((r) => r.status === 'completed')) break;
        if (rows.some((r) => r.status === 'failed') || Date.now() > deadline) throw new Error(`runs did not complete: ${JSON.stringify(rows)}\n${output}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      db.close();
    }
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (up?.pid && up.exitCode === null) {
      const exited = new Promise((r) => up.once('exit', r));
      process.kill(up.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows CTM, Transformer and LSTM profiles on the leaderboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectPageErrors(page);
    await page.goto(url);
    const table = page.getByTestId('leaderboard');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    for (const label of ['CTM (local)', 'Transformer (local)', 'LSTM (local)']) expect(text).toContain(label);
    await page.screenshot({ path: path.join(shots, 'up-leaderboard.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the CTM's sawtooth chart and its thinking time on easy vs hard probes", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1200 } });
    const errors = collectPageErrors(page);
    await page.goto(`${url}/models/sawtooth-ctm`);
    await page.getByTestId('sawtooth-chart').first().locator('.recharts-line-curve').waitFor();
    await page.getByRole('heading', { name: 'Thinking time', exact: true }).waitFor();
    // The training card, from the checkpoint server `up` started: the thinking time on unseen inputs.
    await page.getByTestId('thinking-accuracy-chart').locator('.recharts-line-dot').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'up-ctm-model-page.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stops the checkpoint server and the dashboard it started when stopped', async () => {
    const exited = new Promise<number | null>((r) => up.once('exit', (code) => r(code)));
    process.kill(up.pid!, 'SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${localPort}/healthz`)).rejects.toThrow();
    await expect(fetch(url)).rejects.toThrow();
  });
});
