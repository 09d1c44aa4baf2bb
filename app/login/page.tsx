import { safeNext } from '../../server/auth/request-auth';

export const metadata = { title: 'Sign in — Sawtooth' };

export const dynamic = 'force-dynamic';

/** Sign-in when SAWTOOTH_AUTH_TOKEN is set: a plain form (works without JavaScript) that posts the token once. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string; wait?: string }> }) {
  const { next, error, wait } = await searchParams;
  const seconds = Number(wait) > 0 ? Math.ceil(Number(wait)) : 60;
  return (
    <div className="login-card card">
      <h1>Sign in</h1>
      <p className="subtitle">This dashboard is protected by an access token (SAWTOOTH_AUTH_TOKEN on the server).</p>
      {error === 'throttled' ? (
        <p className="error-state" role="alert">Too many wrong tokens: try again in {seconds} s.</p>
      ) : error ? (
        <p className="error-state" role="alert">That token is not right.</p>
      ) : null}
      <form method="post" action="/api/auth/login" className="form-grid">
        <input type="hidden" name="next" value={safeNext(next)} />
        <label htmlFor="token">Access token</label>
        <input id="token" name="token" type="password" autoComplete="current-password" required autoFocus />
        <div><button type="submit" className="primary">Sign in</button></div>
      </form>
    </div>
  );
}
