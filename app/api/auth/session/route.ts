import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '../../../../server/auth/request-auth';
import { sessionProblem } from '../../../../server/auth/sessions';
import { serverStore } from '../../../../server/db';
import { env } from '../../../../server/env';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Whether this browser is signed in by a live session (the header then offers "Sign out"): the pages are built once
 * and served as they are, so they cannot say it themselves. Open (proxy.ts), so that the sign-in page can ask too:
 * it checks the cookie against the sessions table itself, and says nothing but yes or no about the cookie it was sent.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const token = env().SAWTOOTH_AUTH_TOKEN;
  const cookie = request.cookies.get(SESSION_COOKIE)?.value;
  const signedIn = token !== undefined && cookie !== undefined && (await sessionProblem(await serverStore(), token, cookie, Date.now())) === null;
  return NextResponse.json({ signedIn }, { headers: { 'cache-control': 'no-store' } });
}
