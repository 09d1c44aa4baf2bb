import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '../../../../server/auth/request-auth';
import { env } from '../../../../server/env';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Whether this browser is signed in by a session (the header then offers "Sign out"). The pages are built once and
 * served as they are, so they cannot say it themselves. A cookie that reaches this handler has already been checked
 * against the sessions table by proxy.ts (a refused one gets 401 there).
 */
export function GET(request: NextRequest): Response {
  const signedIn = env().SAWTOOTH_AUTH_TOKEN !== undefined && request.cookies.has(SESSION_COOKIE);
  return NextResponse.json({ signedIn }, { headers: { 'cache-control': 'no-store' } });
}
