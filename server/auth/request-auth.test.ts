import { describe, expect, it } from 'vitest';
import { authOf, isOpenPath, safeNext, sameSecret, sessionValue } from './request-auth';

const TOKEN = 'correct-horse-battery';

describe('request auth', () => {
  it.each([
    [{ authorization: `Bearer ${TOKEN}`, cookie: undefined, queryToken: null }, 'bearer'],
    [{ authorization: 'bearer   correct-horse-battery ', cookie: undefined, queryToken: null }, 'bearer'],
    [{ authorization: null, cookie: sessionValue(TOKEN), queryToken: null }, 'cookie'],
    [{ authorization: null, cookie: undefined, queryToken: TOKEN }, 'query'],
    [{ authorization: 'Bearer wrong', cookie: TOKEN, queryToken: 'nope' }, null], // the raw token is not a valid cookie
    [{ authorization: null, cookie: sessionValue('other-token-1'), queryToken: null }, null],
    [{ authorization: null, cookie: undefined, queryToken: null }, null],
  ] as const)('%j → %s', (parts, expected) => {
    expect(authOf(parts, TOKEN)).toBe(expected);
  });

  it('compares secrets of different lengths without throwing', () => {
    expect(sameSecret('short', TOKEN)).toBe(false);
    expect(sameSecret(undefined, TOKEN)).toBe(false);
    expect(sameSecret(TOKEN, TOKEN)).toBe(true);
  });

  it('keeps the login page and its form open, nothing else', () => {
    expect(isOpenPath('/login')).toBe(true);
    expect(isOpenPath('/api/auth/login')).toBe(true);
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
