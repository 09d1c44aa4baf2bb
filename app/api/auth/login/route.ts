import { NextResponse } from 'next/server';
import { safeNext, sameSecret, SESSION_COOKIE, sessionValue } from '../../../../server/auth/request-auth';
import { env } from '../../../../server/env';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The /login form posts here: a right token sets the session cookie and goes on to `next`; a wrong one goes back. */
export async function POST(request: Request): Promise<Response> {
  const form = await request.formData();
  const given = form.get('token');
  const next = safeNext(typeof form.get('next') === 'string' ? (form.get('next') as string) : null);
  const token = env().SAWTOOTH_AUTH_TOKEN;
  if (!token) return NextResponse.redirect(new URL(next, request.url), 303);
  if (typeof given !== 'string' || !sameSecret(given.trim(), token)) {
    const back = new URL('/login', request.url);
    back.searchParams.set('next', next);
    back.searchParams.set('error', '1');
    return NextResponse.redirect(back, 303);
  }
  const response = NextResponse.redirect(new URL(next, request.url), 303);
  response.cookies.set(SESSION_COOKIE, sessionValue(token), { httpOnly: true, sameSite: 'lax', path: '/', secure: new URL(request.url).protocol === 'https:' });
  return response;
}
