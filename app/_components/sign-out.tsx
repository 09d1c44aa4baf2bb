import { cookies } from 'next/headers';
import { SESSION_COOKIE } from '../../server/auth/request-auth';
import { env } from '../../server/env';

/**
 * "Sign out" in the header, when the dashboard has a token and this browser a session: a plain form (works without
 * JavaScript) posting to /api/auth/logout, which deletes the session on the server. Reading the cookie makes every
 * page render per request, which they do anyway (they read the database).
 */
export async function SignOut() {
  if (!env().SAWTOOTH_AUTH_TOKEN || !(await cookies()).has(SESSION_COOKIE)) return null;
  return (
    <form method="post" action="/api/auth/logout" className="sign-out">
      <button type="submit">Sign out</button>
    </form>
  );
}
