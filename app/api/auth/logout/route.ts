import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '../../../../server/auth/request-auth';
import { endSession } from '../../../../server/auth/sessions';
import { serverStore } from '../../../../server/db';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Signs out: deletes the session the cookie names (so a copy of the cookie is refused from now on) and drops the
 * cookie. Open to anyone (proxy.ts): it can only end the session whose id the request itself carries.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const cookie = request.cookies.get(SESSION_COOKIE)?.value;
  if (cookie) await endSession(await serverStore(), cookie);
  const response = new NextResponse(null, { status: 303, headers: { Location: '/login' } });
  response.cookies.delete(SESSION_COOKIE);
  return response;
}
