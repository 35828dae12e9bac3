// Builds and starts the app for the end-to-end suite: `next start` on Postgres when DATABASE_URL is
// set, otherwise on a fresh PGlite folder. Set E2E_SKIP_BUILD=1 to reuse the last build.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3100";
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-0123456789abcdef0123456789abcdef",
  AUTH_TRUST_HOST: "true",
  SITE_URL: process.env.SITE_URL ?? `http://localhost:${port}`,
};
if (!env.DATABASE_URL) {
  env.PGLITE_DIR = path.resolve(".data", `e2e-${port}`);
  rmSync(env.PGLITE_DIR, { recursive: true, force: true });
}

if (!process.env.E2E_SKIP_BUILD) {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
