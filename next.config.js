/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and wasm packages stay outside the bundle: better-sqlite3 loads a .node file, jax-js a wasm module.
  serverExternalPackages: ['better-sqlite3', '@jax-js/jax'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
