// Builds and starts the app for the end-to-end suite: `next start` on Postgres when DATABASE_URL is
// set, otherwise on a fresh PGlite folder. Set E2E_SKIP_BUILD=1 to reuse the last build.
// The server's stdout and stderr are also written to E2E_SERVER_LOG (default .data/e2e-PORT-server.log),
// which e2e/security-logs.spec.ts searches for personal data.
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3100";
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-0123456789abcdef0123456789abcdef",
  AUTH_TRUST_HOST: "true",
  SITE_URL: process.env.SITE_URL ?? `http://localhost:${port}`,
  // Emails go through the real Resend SDK to the fake provider (e2e/support/fake-resend.mjs).
  RESEND_API_KEY: "re_e2e_fake_key",
  RESEND_BASE_URL: `http://127.0.0.1:${process.env.E2E_FAKE_RESEND_PORT ?? Number(port) + 90}`,
  EMAIL_SEND_TIMEOUT_MS: "3000",
  // Retries a second or two apart instead of minutes; the worker looks for due rows twice a second.
  DELIVERY_RETRY_SCHEDULE: "0,1,2,3,4",
  DELIVERY_POLL_MS: "500",
  // Each test is its own client address (X-Forwarded-For), so rate limits do not cross tests.
  TRUSTED_PROXY_HOPS: "1",
  // Playwright types faster than a person; the minimum time is covered by the integration tests.
  LEAD_MIN_FILL_MS: "0",
};
if (!env.DATABASE_URL) {
  env.PGLITE_DIR = path.resolve(".data", `e2e-${port}`);
  rmSync(env.PGLITE_DIR, { recursive: true, force: true });
}

if (!process.env.E2E_SKIP_BUILD) {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// Pages the page cache rendered in an earlier run (from that run's database) stay in the build
// folder, and `next build` keeps them: start from none, as a fresh deployment does.
rmSync(path.resolve(".next", "server", "route-cache"), { recursive: true, force: true });
const logPath = process.env.E2E_SERVER_LOG ?? path.resolve(".data", `e2e-${port}-server.log`);
mkdirSync(path.dirname(logPath), { recursive: true });
const log = createWriteStream(logPath, { flags: "w" });
if (Number(process.env.E2E_CLUSTER ?? 1) > 1) {
  // Several `next start` processes of this one build on DATABASE_URL, behind a round-robin proxy.
  const { startCluster } = await import("./cluster.mjs");
  const cluster = await startCluster({ port, size: Number(process.env.E2E_CLUSTER), env, log });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void cluster.stop(signal).then(() => process.exit(0)));
  for (const app of cluster.apps) void app.exited.then(({ code }) => process.exit(code || 1));
  await new Promise(() => {});
}
const { startNextApp } = await import("./next-app.mjs");
const app = startNextApp({ port, env, log });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void app.kill(signal));
void app.exited.then(({ code }) => process.exit(code ?? 0));
