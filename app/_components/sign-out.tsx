'use client';

import { useEffect, useState } from 'react';
import { z } from 'zod';

const SessionSchema = z.object({ signedIn: z.boolean() });

/**
 * "Sign out" in the header, when the dashboard has a token and this browser a session (asked of /api/auth/session
 * once per page load: the pages are prerendered, and the cookie is not readable by scripts). A plain form posting to
 * /api/auth/logout, which deletes the session on the server.
 */
export function SignOut() {
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => {
    const aborted = new AbortController();
    fetch('/api/auth/session', { signal: aborted.signal })
      .then(async (res) => (res.ok ? SessionSchema.parse(await res.json()).signedIn : false))
      .then(setSignedIn)
      .catch(() => setSignedIn(false)); // not signed in, or the page is going away: no button
    return () => aborted.abort();
  }, []);
  if (!signedIn) return null;
  return (
    <form method="post" action="/api/auth/logout" className="sign-out">
      <button type="submit">Sign out</button>
    </form>
  );
}
