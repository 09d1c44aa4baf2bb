import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  // Native and wasm packages stay outside the bundle: better-sqlite3 loads a .node file, jax-js a wasm module; pg
  // (PostgreSQL) has an optional native binding it looks for at run time, which a bundler would try to resolve, and
  // pg-boss (the job queue of chunked runs) loads pg.
  serverExternalPackages: ['better-sqlite3', '@jax-js/jax', 'pg', 'pg-boss'],
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole project (tsc --noEmit) before anything else; repeating it inside `next build`
  // doubled a fresh clone's first start (issue 13: 66 s of 139 s on a 2-core machine).
  typescript: { ignoreBuildErrors: true },
  // No page of ours may be framed (clickjacking) or load code from elsewhere. Next's own inline scripts need
  // 'unsafe-inline'; everything else is same-origin. The offline report (/api/report) is self-contained HTML.
  async headers() {
    const csp = [
      "default-src 'self'",
      // `next dev` evaluates code for fast refresh; the production build never does.
      `script-src 'self' 'unsafe-inline'${phase === PHASE_DEVELOPMENT_SERVER ? " 'unsafe-eval'" : ''}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: csp },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
    ];
  },
});

export default nextConfig;
