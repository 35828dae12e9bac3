import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// Next serves 127.0.0.1 as localhost; cookies and redirects expect the same host name.
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${port}`;
// The fake email provider the app sends through (e2e/support/fake-resend.mjs); specs read it too.
const fakeResendPort = Number(process.env.E2E_FAKE_RESEND_PORT ?? port + 90);
process.env.E2E_FAKE_RESEND_URL ??= `http://127.0.0.1:${fakeResendPort}`;

// Debian's Chromium where present (CI and this team's machines); Playwright's own browser elsewhere.
const systemChromium = "/usr/bin/chromium";
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-gpu",
        "--no-first-run",
      ],
    }
  : {};

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : undefined,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions }, testMatch: "**/*.mobile.spec.ts" },
  ],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : [
        {
          command: "node e2e/support/fake-resend.mjs",
          url: `http://127.0.0.1:${fakeResendPort}/_control/health`,
          timeout: 30_000,
          reuseExistingServer: !process.env.CI,
          stdout: "pipe",
          stderr: "pipe",
          env: { FAKE_RESEND_PORT: String(fakeResendPort) },
        },
        {
          command: "node e2e/support/server.mjs",
          url: `${baseURL}/api/health`,
          timeout: 900_000,
          reuseExistingServer: !process.env.CI,
          stdout: "pipe",
          stderr: "pipe",
          env: { E2E_PORT: String(port), E2E_FAKE_RESEND_PORT: String(fakeResendPort) },
        },
      ],
});
