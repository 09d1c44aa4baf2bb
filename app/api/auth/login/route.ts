import { NextResponse } from 'next/server';
import { safeNext, sameSecret, SESSION_COOKIE } from '../../../../server/auth/request-auth';
import { sessionCookieOptions, startSession } from '../../../../server/auth/sessions';
import { serverStore } from '../../../../server/db';
import { env } from '../../../../server/env';
import { loginThrottle } from '../../../../server/auth/login-throttle';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * A 303 with a relative Location: the browser stays on the host it used (an absolute URL built from request.url
 * could name another host for the same server, e.g. localhost for 127.0.0.1, where the cookie is not sent).
 */
function seeOther(location: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: location } });
}

/** The /login form posts here: a right token starts a session, sets its cookie and goes on to `next`; a wrong one goes back. */
export async function POST(request: Request): Promise<Response> {
  const form = await request.formData();
  const given = form.get('token');
  const next = safeNext(typeof form.get('next') === 'string' ? (form.get('next') as string) : null);
  const token = env().SAWTOOTH_AUTH_TOKEN;
  if (!token) return seeOther(next);
  const throttle = loginThrottle();
  const wait = throttle.waitSeconds();
  if (wait > 0) {
    const back = seeOther(`/login?${new URLSearchParams({ next, error: 'throttled', wait: String(wait) }).toString()}`);
    back.headers.set('Retry-After', String(wait));
    return back;
  }
  if (typeof given !== 'string' || !sameSecret(given.trim(), token)) {
    throttle.failed();
    return seeOther(`/login?${new URLSearchParams({ next, error: '1' }).toString()}`);
  }
  throttle.succeeded();
  const response = seeOther(next);
  response.cookies.set(SESSION_COOKIE, await startSession(await serverStore(), token, Date.now()), sessionCookieOptions(new URL(request.url).protocol === 'https:'));
  return response;
}
