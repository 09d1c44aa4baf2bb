import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../testing/browser/next-server';

// Issue 12 item 7 (a session cookie that logout cannot revoke), over HTTP against the production build: a signed-in
// cookie opens pages, tRPC and downloads; after signing out the same cookie opens none of them; a forged cookie never
// did; a new SAWTOOTH_AUTH_TOKEN (a restart on the same database) ends every session.
const dir = mkdtempSync(path.join(tmpdir(), 'sawtooth-sessions-'));
const env = { SAWTOOTH_DB: path.join(dir, 'sawtooth.db'), SAWTOOTH_CONFIG: path.join(dir, 'sawtooth.config.json') };
const TOKEN = 'first-access-token-0123';
const ROTATED = 'second-access-token-4567';

/** One page, one tRPC procedure and two download routes: what each answers to this cookie (or header). */
async function statuses(app: RunningApp, headers: Record<string, string>) {
  const get = async (p: string) => (await fetch(`${app.url}${p}`, { headers, redirect: 'manual' })).status;
  return {
    page: await get('/runs'),
    trpc: await get('/api/trpc/adminModels.list'),
    suiteDownload: await get('/api/export/suite?id=core&format=jsonl'),
    report: await get('/api/report?models=a,b'),
  };
}
/** The open question the header asks: is the cookie of this request a live session? */
async function signedIn(app: RunningApp, cookie: string): Promise<boolean> {
  const res = await fetch(`${app.url}/api/auth/session`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { signedIn: boolean }).signedIn;
}
const SIGNED_IN = { page: 200, trpc: 200, suiteDownload: 200, report: 404 }; // the report's models do not exist
const REFUSED = { page: 303, trpc: 401, suiteDownload: 401, report: 401 };

async function signIn(app: RunningApp, token: string, next = '/'): Promise<{ cookie: string; setCookie: string; location: string | null }> {
  const res = await fetch(`${app.url}/api/auth/login`, { method: 'POST', body: new URLSearchParams({ token, next }), redirect: 'manual' });
  expect(res.status).toBe(303);
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0]!, setCookie, location: res.headers.get('location') };
}

describe('sign-in sessions that signing out revokes (production build)', () => {
  let app: RunningApp;

  beforeAll(async () => {
    writeFileSync(env.SAWTOOTH_CONFIG, JSON.stringify({ localServer: { enabled: false } }));
    app = await startApp({ ...env, SAWTOOTH_AUTH_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a signed-in cookie opens pages, tRPC and downloads; after signing out the same cookie opens none of them', async () => {
    const kept = await signIn(app, TOKEN);
    const { cookie, setCookie, location } = await signIn(app, TOKEN, '/runs?status=failed');
    expect(location).toBe('/runs?status=failed'); // ?next= still goes on after sign-in
    expect(cookie).toMatch(/^sawtooth_session=[A-Za-z0-9_-]{43}$/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    expect(setCookie).toMatch(/Max-Age=31536000/);
    expect(await statuses(app, { cookie })).toEqual(SIGNED_IN);
    expect(await signedIn(app, cookie)).toBe(true); // what the header's "Sign out" asks

    const out = await fetch(`${app.url}/api/auth/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/login');
    expect(out.headers.get('set-cookie')).toMatch(/^sawtooth_session=;/); // the browser forgets it ...

    // ... and a copy kept elsewhere is refused everywhere, and told to forget it too.
    expect(await statuses(app, { cookie })).toEqual(REFUSED);
    expect(await signedIn(app, cookie)).toBe(false);
    const page = await fetch(`${app.url}/runs?status=failed`, { headers: { cookie }, redirect: 'manual' });
    expect(page.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/runs?status=failed')}`);
    expect(page.headers.get('set-cookie')).toMatch(/^sawtooth_session=;/);

    // Signing out ends that session only; signing out again (a stale cookie) still lands on /login.
    expect(await statuses(app, { cookie: kept.cookie })).toEqual(SIGNED_IN);
    expect((await fetch(`${app.url}/api/auth/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' })).status).toBe(303);
  });

  it('refuses forged cookies: a random id, the token itself, and the HMAC cookie of the previous version', async () => {
    const previousVersion = createHmac('sha256', TOKEN).update('sawtooth-session-v1').digest('hex');
    for (const value of [randomBytes(32).toString('base64url'), TOKEN, previousVersion]) {
      expect(await statuses(app, { cookie: `sawtooth_session=${value}` }), value).toEqual(REFUSED);
      expect(await signedIn(app, `sawtooth_session=${value}`), value).toBe(false);
    }
  });

  it('?token= starts a session that signing out ends like any other', async () => {
    const res = await fetch(`${app.url}/runs?token=${TOKEN}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    expect(await statuses(app, { cookie })).toEqual(SIGNED_IN);
    await fetch(`${app.url}/api/auth/logout`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
    expect(await statuses(app, { cookie })).toEqual(REFUSED);
  });

  it('a new SAWTOOTH_AUTH_TOKEN ends every session made under the old one', async () => {
    const { cookie } = await signIn(app, TOKEN);
    expect(await statuses(app, { cookie })).toEqual(SIGNED_IN);
    await app.stop();
    app = await startApp({ ...env, SAWTOOTH_AUTH_TOKEN: ROTATED });
    expect(await statuses(app, { cookie })).toEqual(REFUSED);
    expect(await statuses(app, { authorization: `Bearer ${TOKEN}` })).toEqual(REFUSED);
    expect(await statuses(app, { authorization: `Bearer ${ROTATED}` })).toEqual(SIGNED_IN);
    expect(await statuses(app, { cookie: (await signIn(app, ROTATED)).cookie })).toEqual(SIGNED_IN);
  });
});
