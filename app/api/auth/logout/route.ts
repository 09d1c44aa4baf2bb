import { NextResponse } from 'next/server';
import { SESSION_COOKIE } from '../../../../server/auth/request-auth';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Forgets the session cookie. */
export function POST(request: Request): Response {
  const response = NextResponse.redirect(new URL('/login', request.url), 303);
  response.cookies.delete(SESSION_COOKIE);
  return response;
}
