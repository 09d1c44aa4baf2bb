import { describe, expect, it } from 'vitest';
import { authOf, isOpenPath, safeNext, sameSecret } from './request-auth';

const TOKEN = 'correct-horse-battery';
const LIVE = 'live-session-id';
/** Stands in for the sessions table (server/auth/sessions.int.test.ts tests the real one): one live session id. */
const liveSession = (cookie: string) => cookie === LIVE;

describe('request auth', () => {
  it.each([
    [{ authorization: `Bearer ${TOKEN}`, cookie: undefined, queryToken: null }, 'bearer'],
    [{ authorization: 'bearer   correct-horse-battery ', cookie: undefined, queryToken: null }, 'bearer'],
    [{ authorization: null, cookie: LIVE, queryToken: null }, 'cookie'],
    [{ authorization: null, cookie: undefined, queryToken: TOKEN }, 'query'],
    [{ authorization: 'Bearer wrong', cookie: TOKEN, queryToken: 'nope' }, null], // the raw token is not a valid cookie
    [{ authorization: null, cookie: 'ended-session-id', queryToken: null }, null],
    [{ authorization: null, cookie: 'ended-session-id', queryToken: TOKEN }, 'query'],
    [{ authorization: null, cookie: undefined, queryToken: null }, null],
  ] as const)('%j → %s', async (parts, expected) => {
    expect(await authOf(parts, TOKEN, liveSession)).toBe(expected);
  });

  it('asks the sessions table only when a cookie is there and no bearer header signs the request in', async () => {
    const asked: string[] = [];
    const spy = (cookie: string) => (asked.push(cookie), false);
    await authOf({ authorization: `Bearer ${TOKEN}`, cookie: 'a', queryToken: null }, TOKEN, spy);
    await authOf({ authorization: null, cookie: undefined, queryToken: TOKEN }, TOKEN, spy);
    await authOf({ authorization: null, cookie: 'b', queryToken: null }, TOKEN, spy);
    expect(asked).toEqual(['b']);
  });

  it('compares secrets of different lengths without throwing', () => {
    expect(sameSecret('short', TOKEN)).toBe(false);
    expect(sameSecret(undefined, TOKEN)).toBe(false);
    expect(sameSecret(TOKEN, TOKEN)).toBe(true);
  });

  it('keeps the login page, its form, signing out and the session question open, nothing else', () => {
    expect(isOpenPath('/login')).toBe(true);
    expect(isOpenPath('/api/auth/login')).toBe(true);
    expect(isOpenPath('/api/auth/logout')).toBe(true);
    expect(isOpenPath('/api/auth/session')).toBe(true);
    expect(isOpenPath('/api/auth/session/x')).toBe(false);
    expect(isOpenPath('/api/trpc/runs.list')).toBe(false);
    expect(isOpenPath('/login/../runs')).toBe(false);
  });

  it('sends people back only to paths on this site', () => {
    expect(safeNext('/runs?status=failed')).toBe('/runs?status=failed');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(undefined)).toBe('/');
    // Issue 12.7: browsers drop tabs and newlines, so these were //evil.example.
    expect(safeNext('/\t/evil.example')).toBe('/');
    expect(safeNext('/\n/evil.example')).toBe('/');
    expect(safeNext(decodeURIComponent('%2F%09%2Fevil.example'))).toBe('/');
  });
});
