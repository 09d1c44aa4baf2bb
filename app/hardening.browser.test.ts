import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium } from '../testing/browser/chromium';
import { startApp, type RunningApp } from '../testing/browser/next-server';
import { startOpenAITestServer, type OpenAITestServer } from '../testing/openai-test-server';

// Issue 12 items 1 and 7 over HTTP against the production build: DNS rebinding and cross-site requests without a
// token, key variables that are not API keys, the open redirect after sign-in, ?token= with a cookie, the login
// throttle, and the headers that forbid framing.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-hardening-'));
const TOKEN = 'hardening-token-0123456789';

/** A raw HTTP request, so that the Host header is exactly what a DNS-rebinding page would send. */
function raw(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('without a token: only this machine, only our own pages', () => {
  let app: RunningApp;
  let upstream: OpenAITestServer;

  beforeAll(async () => {
    upstream = await startOpenAITestServer({ answer: () => 'ok' });
    writeFileSync(path.join(dir, 'open.json'), JSON.stringify({ localServer: { enabled: false } }));
    app = await startApp({ SAWTOOTH_DB: path.join(dir, 'open.db'), SAWTOOTH_CONFIG: path.join(dir, 'open.json') });
  });
  afterAll(async () => {
    await app?.stop();
    await upstream?.close();
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (cross-site), serves loopback', async () => {
    const port = new URL(app.url).port;
    const rebound = await raw(`${app.url}/api/trpc/adminModels.list`, { headers: { host: `attacker.example:${port}` } });
    expect(rebound.status).toBe(403);
    expect(rebound.body).toContain('Host \\"attacker.example\\" is not this server');
    const page = await raw(`${app.url}/`, { headers: { host: 'attacker.example' } });
    expect(page.status).toBe(403);
    const crossSite = await raw(`${app.url}/api/trpc/runs.cancel`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://attacker.example' }, body: JSON.stringify({ id: 1 }),
    });
    expect(crossSite.status).toBe(403);
    expect((await raw(`${app.url}/api/trpc/adminModels.list`, { headers: { host: `localhost:${port}` } })).status).toBe(200);
    expect((await fetch(`${app.url}/api/trpc/adminModels.list`)).status).toBe(200);
  });

  it('never sends PATH or a SAWTOOTH_* secret to an endpoint as a key', async () => {
    const before = upstream.requests();
    for (const apiKeyEnv of ['PATH', 'SAWTOOTH_AUTH_TOKEN', 'AWS_SECRET_ACCESS_KEY']) {
      const res = await fetch(`${app.url}/api/trpc/adminModels.testConnection`, {
        method: 'POST', headers: { 'content-type': 'application/json', origin: app.url },
        body: JSON.stringify({ baseUrl: upstream.url, modelName: 'test-model', apiKeyEnv, reasoning: false }),
      });
      expect(res.status, apiKeyEnv).toBe(400);
      expect(await res.text()).toMatch(/apiKeyEnv|own settings/);
    }
    expect(upstream.requests()).toBe(before);
  });

  it('says the upload limit and the CLI way round it, instead of sending a file the proxy would cut (item 6)', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${app.url}/runs`);
      const line = `${JSON.stringify({ model: 'm', prompt: 'What is "x"?', response: 'a', correct: true })}\n`;
      const big = Buffer.from(line.repeat(Math.ceil((11 * 1024 * 1024) / line.length)));
      await page.locator('summary', { hasText: 'Import results' }).click();
      const form = page.getByTestId('import-results-form');
      await form.getByLabel('Results file').setInputFiles({ name: 'big.jsonl', mimeType: 'application/jsonl', buffer: big });
      await form.getByRole('button', { name: 'Import', exact: true }).click();
      const message = page.getByTestId('import-too-large');
      await message.waitFor();
      expect(await message.textContent()).toMatch(/^big\.jsonl is 1\d\.\d MB as an upload; the dashboard takes at most 10\.0 MB\. .*npx sawtooth import big\.jsonl$/);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('forbids framing and foreign code on every page', async () => {
    const res = await fetch(`${app.url}/`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('with a token: sign-in hardening', () => {
  let app: RunningApp;

  beforeAll(async () => {
    writeFileSync(path.join(dir, 'token.json'), JSON.stringify({ localServer: { enabled: false } }));
    app = await startApp({ SAWTOOTH_DB: path.join(dir, 'token.db'), SAWTOOTH_CONFIG: path.join(dir, 'token.json'), SAWTOOTH_AUTH_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = (token: string, next: string) =>
    fetch(`${app.url}/api/auth/login`, { method: 'POST', body: new URLSearchParams({ token, next }), redirect: 'manual' });

  it('never redirects to another site after sign-in (/%09/host)', async () => {
    const res = await login(TOKEN, decodeURIComponent('%2F%09%2Fattacker.example'));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
  });

  it('takes ?token= out of the URL even when a cookie already signs the request in', async () => {
    const cookie = (await login(TOKEN, '/')).headers.get('set-cookie')!.split(';')[0]!;
    const res = await fetch(`${app.url}/runs?token=${TOKEN}&status=failed`, { headers: { cookie }, redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get('location')!, app.url).href).toBe(`${app.url}/runs?status=failed`);
    const wrong = await fetch(`${app.url}/runs?token=not-it&x=1`, { redirect: 'manual' });
    expect(decodeURIComponent(wrong.headers.get('location')!)).toMatch(/\/login\?next=\/runs\?x=1$/);
  });

  it('locks the sign-in form after 10 wrong tokens, even for the right one, and says how long', async () => {
    for (let i = 0; i < 10; i++) expect((await login(`wrong-${i}-token`, '/')).headers.get('location')).toMatch(/error=1/);
    const locked = await login(TOKEN, '/');
    expect(locked.headers.get('location')).toMatch(/error=throttled&wait=\d+/);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.headers.get('set-cookie')).toBeNull();
    // A bearer header still works while the form is locked.
    expect((await fetch(`${app.url}/api/trpc/adminModels.list`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  });
});
