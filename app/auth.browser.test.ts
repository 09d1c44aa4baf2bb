import { readdirSync, readFileSync, statSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium } from '../testing/browser/chromium';
import { startApp, type RunningApp } from '../testing/browser/next-server';
import { startOpenAITestServer, type OpenAITestServer } from '../testing/openai-test-server';

const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-auth-'));
const dbFile = path.join(dir, 'sawtooth.db');
const configFile = path.join(dir, 'sawtooth.config.json');
const shots = path.resolve('test-results', 'screenshots');
const TOKEN = 'test-access-token-0123';
const KEY = `sk-test-${Math.random().toString(36).slice(2)}-do-not-leak`;
const PAGES = ['/', '/runs', '/probes', '/models', '/models/new', '/models/keyed/edit', '/login'];

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const full = path.join(root, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('auth gate and key secrecy (production build)', () => {
  let app: RunningApp;
  let browser: Browser;
  let upstream: OpenAITestServer;

  beforeAll(async () => {
    upstream = await startOpenAITestServer({ answer: () => 'ok', requireApiKey: KEY });
    writeFileSync(configFile, JSON.stringify({ models: [{ id: 'keyed', baseURL: upstream.url, model: 'test-model', apiKeyEnv: 'TEST_UPSTREAM_API_KEY' }], localServer: { enabled: false } }));
    app = await startApp({ SAWTOOTH_DB: dbFile, SAWTOOTH_CONFIG: configFile, SAWTOOTH_AUTH_TOKEN: TOKEN, TEST_UPSTREAM_API_KEY: KEY });
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await upstream?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 401 on the API and redirects pages to /login without the token', async () => {
    const api = await fetch(`${app.url}/api/trpc/adminModels.list`);
    expect(api.status).toBe(401);
    const wrong = await fetch(`${app.url}/api/trpc/adminModels.list`, { headers: { authorization: 'Bearer not-the-token' } });
    expect(wrong.status).toBe(401);
    const exportRoute = await fetch(`${app.url}/api/export/results?run=1&format=csv`);
    expect(exportRoute.status).toBe(401);
    for (const p of PAGES.filter((x) => x !== '/login')) {
      const res = await fetch(`${app.url}${p}`, { redirect: 'manual' });
      expect(res.status, p).toBe(303);
      expect(res.headers.get('location'), p).toContain(`/login?next=${encodeURIComponent(p)}`);
    }
    expect((await fetch(`${app.url}/login`)).status).toBe(200);
  });

  it('works with a bearer token, with ?token= (traded for a cookie), and after signing in at /login, until signing out', async () => {
    const bearer = await fetch(`${app.url}/api/trpc/adminModels.list`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(bearer.status).toBe(200);
    const viaQuery = await fetch(`${app.url}/runs?token=${TOKEN}`, { redirect: 'manual' });
    expect(viaQuery.status).toBe(303);
    expect(new URL(viaQuery.headers.get('location')!, app.url).href).toBe(`${app.url}/runs`);
    const cookie = viaQuery.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).not.toContain(TOKEN);
    expect((await fetch(`${app.url}/runs`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);

    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${app.url}/models`);
    await page.waitForURL(/\/login\?next=%2Fmodels/);
    await page.getByLabel('Access token').fill('wrong-token-123');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That token is not right.').waitFor();
    await page.getByLabel('Access token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${app.url}/models`);
    await page.getByTestId('models-table').waitFor();
    await page.screenshot({ path: path.join(shots, 'manage-auth-signed-in.png') });

    // Signing out from the header ends the session on the server: the browser's cookie, copied before, is refused.
    const session = (await page.context().cookies()).find((c) => c.name === 'sawtooth_session')!;
    expect((await fetch(`${app.url}/api/trpc/adminModels.list`, { headers: { cookie: `sawtooth_session=${session.value}` } })).status).toBe(200);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${app.url}/login`);
    expect((await fetch(`${app.url}/api/trpc/adminModels.list`, { headers: { cookie: `sawtooth_session=${session.value}` } })).status).toBe(401);
    await page.goto(`${app.url}/models`);
    await page.waitForURL(/\/login\?next=%2Fmodels/);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('never sends the API key value: not in the client bundle, the pages or the API answers', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    // The key works server-side (the connection test authenticates with it) ...
    const test = await fetch(`${app.url}/api/trpc/adminModels.testConnection`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ id: 'keyed' }) });
    const testBody = await test.text();
    expect(test.status).toBe(200);
    expect(testBody).toContain('"ok":true');
    // ... and appears nowhere the browser can read.
    const bodies = [testBody];
    for (const p of PAGES) bodies.push(await (await fetch(`${app.url}${p}`, { headers: auth })).text());
    for (const proc of ['adminModels.list', 'models.leaderboard', 'suites.list', 'runs.page']) {
      const res = await fetch(`${app.url}/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(proc === 'runs.page' ? {} : undefined) ?? '')}`, { headers: auth });
      bodies.push(await res.text());
    }
    bodies.push(await (await fetch(`${app.url}/api/trpc/adminModels.get?input=${encodeURIComponent(JSON.stringify({ id: 'keyed' }))}`, { headers: auth })).text());
    expect(bodies.join('\n')).toContain('TEST_UPSTREAM_API_KEY'); // the variable's name is shown ...
    for (const body of bodies) expect(body).not.toContain(KEY); // ... its value never
    const staticFiles = filesUnder(path.resolve('.next', 'static'));
    expect(staticFiles.length).toBeGreaterThan(5);
    const leaking = staticFiles.filter((f) => readFileSync(f).includes(KEY));
    expect(leaking).toEqual([]);
  });
});
