import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * The production server checks its configuration when it starts (instrumentation.ts, lib/env.ts).
 * These start `next start` from the build the suite already made (the e2e web server built it), on
 * a free port, with and without the secrets it needs.
 */

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null>; url: Promise<string> };

function startServer(overrides: Record<string, string | undefined>): Started {
  const dataDir = mkdtempSync(path.join(tmpdir(), "security-env-"));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PGLITE_DIR: dataDir,
    // Nothing here needs the database: no delivery timer opening it at start.
    DELIVERY_WORKER: "external",
  };
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) env[k] = v;
  const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", "0"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let announce: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => (announce = resolve));
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    const m = /Local:\s+(http:\/\/\S+)/.exec(output);
    if (m?.[1]) announce(m[1]);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  return { child, output: () => output, exited, url };
}

const SECRET = "a-production-secret-for-the-env-test-0123456789";

test("a production server without AUTH_SECRET refuses to start, naming the variable", async () => {
  const server = startServer({ AUTH_SECRET: undefined });
  const code = await server.exited;
  expect(code).not.toBe(0);
  expect(server.output()).toContain("The server cannot start");
  expect(server.output()).toContain("AUTH_SECRET is not set");
});

test("a production server with a short AUTH_SECRET or a malformed setting refuses to start", async () => {
  const server = startServer({ AUTH_SECRET: "short", LEAD_RATE_LIMIT: "lots" });
  expect(await server.exited).not.toBe(0);
  expect(server.output()).toContain("AUTH_SECRET is too short");
  // A malformed value is named with its rule, and the secret's value is never printed.
  const secretless = startServer({ AUTH_SECRET: SECRET, LEAD_RATE_LIMIT: "lots" });
  expect(await secretless.exited).not.toBe(0);
  expect(secretless.output()).toContain("LEAD_RATE_LIMIT must be count/seconds");
  expect(secretless.output()).not.toContain(SECRET);
});

test("with AUTH_SECRET it starts and serves, warning about what runs on fallbacks", async () => {
  const server = startServer({ AUTH_SECRET: SECRET, SITE_URL: "https://careerpath.example" });
  try {
    const url = await Promise.race([server.url, server.exited.then((code) => Promise.reject(new Error(`exited with ${code}:\n${server.output()}`)))]);
    const response = await fetch(`${url}/robots.txt`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Sitemap:");
    expect(server.output()).toContain("RESEND_API_KEY is not set");
    expect(server.output()).toContain("DATABASE_URL is not set");
    expect(server.output()).not.toContain("cannot start");
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
});
