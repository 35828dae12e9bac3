/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and a data directory; it must stay a plain Node require, not a bundle.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
