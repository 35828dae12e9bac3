import { fileURLToPath } from "node:url";

const isDev = process.env.NODE_ENV !== "production";

/**
 * One static Content-Security-Policy for every page. Public pages are static or cached, so the
 * policy cannot carry a per-request nonce; Next's inline bootstrap scripts need 'unsafe-inline'.
 * What the policy still guarantees: no script, frame or connection to another origin, no plugins,
 * no framing of our pages, forms post only to us.
 */
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self'${isDev ? " ws:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/**
 * The query parameters the directory reads (lib/validations/directory.ts DIRECTORY_PARAMS), and a
 * career profile's own. A plain /schools or /careers/<slug>, with none of them, is rewritten here
 * to its cached page; proxy.ts runs only when one is present, to work out the filter set's cache
 * key. Next's proxy step alone takes about a third off a cached page's throughput (README,
 * Benchmarks), and these are the most visited pages. lib/directory-routing.test.ts holds this list
 * to the parser's and proxy.ts's.
 *
 * A career slug is letters, digits and hyphens, at most 120 characters (the operators' form allows
 * no longer one); any other is left to the per-request page, which answers 404 without a cached
 * copy of its own. proxy.ts's matcher uses the same pattern. Next 16.4 matches beforeFiles sources
 * whatever the letter case (`experimental.caseSensitiveRoutes` does not reach them), so /Schools
 * shows the directory too, naming /schools as its canonical address.
 */
const DIRECTORY_PARAMS = ["q", "area", "credential", "delivery", "state", "zip", "radius", "accredited", "sort", "page"];
const CAREER_PARAMS = [...DIRECTORY_PARAMS, "metroSort"];
const CAREER_SOURCE = "/careers/:slug([a-z0-9-]{1,120})";
const noneOf = (keys) => keys.map((key) => ({ type: "query", key }));

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and a data directory; it must stay a plain Node require, not a bundle.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Next's file-system cache, with tag revalidations shared through Postgres so that several app
  // servers drop the same cached reads (lib/cache/shared-tag-cache.mjs).
  cacheHandler: fileURLToPath(new URL("./lib/cache/shared-tag-cache.mjs", import.meta.url)),
  reactStrictMode: true,
  // `.ci/run` type-checks the whole repository (`npm run typecheck`) before it builds, and sets
  // SKIP_BUILD_TYPECHECK=1 so that `next build` does not check the app a second time.
  typescript: { ignoreBuildErrors: process.env.SKIP_BUILD_TYPECHECK === "1" },
  async rewrites() {
    return {
      beforeFiles: [
        { source: "/schools", missing: noneOf(DIRECTORY_PARAMS), destination: "/directory/all" },
        { source: CAREER_SOURCE, missing: noneOf(CAREER_PARAMS), destination: "/career-pages/:slug/all" },
      ],
    };
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
