import { NextResponse, type NextRequest } from 'next/server';
import { foreignRequestProblem } from './server/auth/host-check';
import { authOf, isOpenPath, SESSION_COOKIE } from './server/auth/request-auth';
import { sessionCookieOptions, sessionProblem, startSession } from './server/auth/sessions';
import { serverStore } from './server/db';
import { env } from './server/env';

/**
 * The auth gate (Next 16's proxy, formerly middleware). With SAWTOOTH_AUTH_TOKEN unset the dashboard is open to
 * this machine only: requests must name a loopback host (or one in SAWTOOTH_ALLOWED_HOSTS) and come from a page of
 * this server, which stops DNS-rebinding and cross-site pages. With it set, every page and API route needs the
 * token: API calls get 401, pages go to /login. Next 16 runs the proxy in the Node.js runtime of the server process,
 * so the session cookie is checked against the sessions table here, once, for pages, tRPC and download routes alike.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const token = env().SAWTOOTH_AUTH_TOKEN;
  const { pathname, searchParams } = request.nextUrl;
  if (!token) {
    const problem = foreignRequestProblem({ host: request.headers.get('host'), origin: request.headers.get('origin') }, env().SAWTOOTH_ALLOWED_HOSTS);
    return problem ? NextResponse.json({ error: `forbidden: ${problem}` }, { status: 403 }) : NextResponse.next();
  }
  if (isOpenPath(pathname)) return NextResponse.next();
  const cookie = request.cookies.get(SESSION_COOKIE)?.value;
  const how = await authOf({ authorization: request.headers.get('authorization'), cookie, queryToken: searchParams.get('token') }, token, async (id) =>
    (await sessionProblem(await serverStore(), token, id, Date.now())) === null,
  );
  const inUrl = searchParams.has('token');
  if ((how === 'bearer' || how === 'cookie') && !inUrl) return NextResponse.next();
  if (how !== null) {
    // A token in the URL never reaches a page (its address bar, history, or the RSC data of the page), whether or
    // not a cookie already signs the request in: trade it for a cookie and go to the URL without it.
    // (Next's proxy needs an absolute URL here and sends same-origin redirects on as relative ones.)
    const clean = request.nextUrl.clone();
    clean.searchParams.delete('token');
    const response = NextResponse.redirect(clean, 303);
    if (how === 'query') response.cookies.set(SESSION_COOKIE, await startSession(await serverStore(), token, Date.now()), sessionCookieOptions(request.nextUrl.protocol === 'https:'));
    return response;
  }
  // A cookie that was refused (signed out, expired, another token, forged) is dropped from the browser too.
  const refused = (response: NextResponse) => {
    if (cookie !== undefined) response.cookies.delete(SESSION_COOKIE);
    return response;
  };
  if (pathname.startsWith('/api/')) {
    return refused(
      NextResponse.json(
        { error: 'unauthorized: send Authorization: Bearer <SAWTOOTH_AUTH_TOKEN>, or sign in at /login' },
        { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="sawtooth"' } },
      ),
    );
  }
  const login = request.nextUrl.clone();
  login.pathname = '/login';
  const rest = new URLSearchParams(searchParams);
  rest.delete('token'); // a wrong token in the URL is not carried into ?next=
  const query = rest.toString();
  login.search = `?${new URLSearchParams({ next: `${pathname}${query ? `?${query}` : ''}` }).toString()}`;
  return refused(NextResponse.redirect(login, 303));
}

export const config = {
  // Static build assets and the icon carry no data: they stay open so that the login page can load its own CSS.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
