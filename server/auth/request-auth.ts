import { timingSafeEqual } from 'node:crypto';

/** The session cookie: a random session id (server/auth/sessions.ts), never the token or anything derived from it. */
export const SESSION_COOKIE = 'sawtooth_session';

/** Constant-time comparison, so the time a wrong guess takes says nothing about how close it was. */
export function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Paths that must answer without the token: the login page, the form it posts to, signing out (which only ends the
 * session its own cookie names, so that a stale cookie can always be cleared), and whether the request's own cookie
 * is a live session (the header's "Sign out" asks on every page, the sign-in page included).
 */
const OPEN_PATHS = new Set(['/login', '/api/auth/login', '/api/auth/logout', '/api/auth/session']);
export function isOpenPath(pathname: string): boolean {
  return OPEN_PATHS.has(pathname);
}

export interface AuthRequestParts {
  authorization: string | null;
  cookie: string | undefined;
  queryToken: string | null;
}

/**
 * Whether a request carries the token: `Authorization: Bearer <token>`, the cookie of a live session (asked of
 * `liveSession`, only when a cookie is there and no bearer header signs the request in), or `?token=<token>` (then
 * the caller starts a session, sets its cookie and redirects to the URL without the token).
 */
export async function authOf(
  parts: AuthRequestParts,
  token: string,
  liveSession: (cookie: string) => boolean | Promise<boolean>,
): Promise<'bearer' | 'cookie' | 'query' | null> {
  const bearer = /^Bearer\s+(.+)$/i.exec(parts.authorization ?? '')?.[1]?.trim();
  if (sameSecret(bearer, token)) return 'bearer';
  if (parts.cookie && (await liveSession(parts.cookie))) return 'cookie';
  if (sameSecret(parts.queryToken, token)) return 'query';
  return null;
}

/**
 * A post-login destination: a path on this site only. Browsers drop tabs and newlines from URLs and read `\` as
 * `/`, so `/%09/evil.example` became `//evil.example` (another origin): any control character, space or backslash
 * is refused, and what is left must resolve to this site.
 */
export function safeNext(next: string | null | undefined): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused here
  if (!next || !next.startsWith('/') || /[\u0000-\u0020\u007f\\]/.test(next)) return '/';
  const base = 'http://sawtooth.invalid';
  let resolved: URL;
  try {
    resolved = new URL(next, base);
  } catch {
    return '/';
  }
  return resolved.origin === base && !next.startsWith('//') ? `${resolved.pathname}${resolved.search}${resolved.hash}` : '/';
}
