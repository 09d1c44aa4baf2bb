/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and wasm packages stay outside the bundle: better-sqlite3 loads a .node file, jax-js a wasm module.
  serverExternalPackages: ['better-sqlite3', '@jax-js/jax'],
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole project (tsc --noEmit) before anything else; repeating it inside `next build`
  // doubled a fresh clone's first start (issue 13: 66 s of 139 s on a 2-core machine).
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
