import { NextResponse } from 'next/server';
import { SESSION_COOKIE } from '../../../../server/auth/request-auth';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Forgets the session cookie. */
export function POST(): Response {
  const response = new NextResponse(null, { status: 303, headers: { Location: '/login' } });
  response.cookies.delete(SESSION_COOKIE);
  return response;
}
