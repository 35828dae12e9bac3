/**
 * Lighthouse 12.2.3 (mobile, the default config: Moto G Power emulation, simulated slow 4G and a
 * 4x CPU slowdown) in headless Chromium against `next start`, on a career profile, the directory
 * and a program page. Budgets (issue #7): performance >= 95; accessibility, best practices and
 * SEO = 100.
 *
 * `npm run lighthouse` runs it alone and writes bench/LIGHTHOUSE.md (and the full reports as JSON
 * in .data/lighthouse/); `npm run bench` includes it in bench/REPORT.md.
 *
 * The app runs on a fresh PGlite folder unless LIGHTHOUSE_DATABASE_URL is set (then that Postgres,
 * which must already be migrated and seeded, e.g. by `npm run db:seed`). It reuses the last
 * `next build` unless there is none or LIGHTHOUSE_BUILD=1. Each page is measured
 * LIGHTHOUSE_RUNS times (default 3) and the median performance score is reported, as Lighthouse's
 * own docs advise for a noisy machine.
 *
 * Baseline: a blank Next.js page (one heading and a paragraph, no app code; written to and built in
 * a temporary folder with the repository's own Next and React) is measured the same way in the same
 * run. Its score is the most this Next version allows on this machine: what the framework's runtime
 * costs a phone before any of the app's code runs.
 */
import { clearRuntimePageCache, stopProcessGroup } from "./support";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 3460);
const BASE = `http://localhost:${PORT}`;
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const PAGES = [
  { name: "career profile", path: "/careers/medical-records-and-health-information-technicians" },
  { name: "directory", path: "/schools" },
  { name: "program page", path: "/programs/pacific-crest-college-medical-administrative-specialist" },
];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const BUDGET: Record<(typeof CATEGORIES)[number], number> = {
  performance: 95,
  accessibility: 100,
  "best-practices": 100,
  seo: 100,
};

type Scores = Record<(typeof CATEGORIES)[number], number>;

async function waitFor(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`lighthouse: ${url} did not come up`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

function startServer(): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "lighthouse-only-secret-0123456789abcdef0123456789",
    AUTH_TRUST_HOST: "true",
    SITE_URL: BASE,
  };
  delete env.RESEND_API_KEY; // nothing is submitted; mail would go to the local outbox anyway
  if (process.env.LIGHTHOUSE_DATABASE_URL) {
    env.DATABASE_URL = process.env.LIGHTHOUSE_DATABASE_URL;
  } else {
    delete env.DATABASE_URL;
    env.PGLITE_DIR = path.resolve(".data", `lighthouse-${PORT}`);
    rmSync(env.PGLITE_DIR, { recursive: true, force: true });
  }
  if (process.env.LIGHTHOUSE_BUILD === "1" || !existsSync(".next/BUILD_ID")) {
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
    if (build.status !== 0) throw new Error("lighthouse: next build failed");
  }
  clearRuntimePageCache();
  return spawn("npx", ["next", "start", "-p", String(PORT)], { stdio: "ignore", env, detached: true });
}

const BLANK_PORT = PORT + 1;
// Outside the repository: a Next project inside it picks up the app's own instrumentation.
const BLANK_DIR = path.join(os.tmpdir(), `blank-next-${BLANK_PORT}`);

/** The baseline: a blank App Router page, built once (or again with LIGHTHOUSE_BUILD=1), served by `next start`. */
function startBlankNext(): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  if (process.env.LIGHTHOUSE_BUILD === "1" || !existsSync(path.join(BLANK_DIR, ".next", "BUILD_ID"))) {
    rmSync(BLANK_DIR, { recursive: true, force: true });
    mkdirSync(path.join(BLANK_DIR, "app"), { recursive: true });
    writeFileSync(path.join(BLANK_DIR, "package.json"), '{ "name": "blank-next", "private": true }\n');
    // The repository's Next and React; Turbopack follows the link when its root holds both folders.
    symlinkSync(path.resolve("node_modules"), path.join(BLANK_DIR, "node_modules"), "dir");
    writeFileSync(path.join(BLANK_DIR, "next.config.mjs"), `export default { turbopack: { root: ${JSON.stringify(path.parse(BLANK_DIR).root)} } };\n`);
    writeFileSync(
      path.join(BLANK_DIR, "app", "layout.tsx"),
      `export const metadata = { title: "Blank", description: "A blank Next.js page: the Lighthouse baseline" };
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
    );
    writeFileSync(
      path.join(BLANK_DIR, "app", "page.tsx"),
      `export default function Page() {
  return (
    <main>
      <h1>Medical Records Specialists</h1>
      <p>A blank Next.js App Router page, rendered on the server, with no code of the app.</p>
    </main>
  );
}
`,
    );
    const build = spawnSync("npx", ["next", "build", BLANK_DIR], { stdio: "inherit", env });
    if (build.status !== 0) throw new Error("lighthouse: the blank baseline's next build failed");
  }
  return spawn("npx", ["next", "start", BLANK_DIR, "-p", String(BLANK_PORT)], { stdio: "ignore", env, detached: true });
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

type Target = { name: string; url: string; baseline?: boolean };
type Row = Target & { scores: Scores; runs: number[]; failing: string[] };

async function lighthouseRuns(target: Target, outDir: string): Promise<Row> {
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const perRun: Scores[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A fresh browser per run: no cache or service state carried between runs.
    const chrome = await chromeLauncher.launch({
      chromePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
      chromeFlags: [
        "--headless=new",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
      ],
    });
    try {
      const result = await lighthouse(target.url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`lighthouse: no result for ${target.url}`);
      const lhr = result.lhr;
      if (lhr.runtimeError) throw new Error(`lighthouse: ${target.url}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Scores;
      perRun.push(scores);
      const slug = target.name.replace(/\W+/g, "-");
      writeFileSync(path.join(outDir, `${slug}-${i + 1}.json`), JSON.stringify(lhr));
    } finally {
      await chrome.kill();
    }
  }
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(perRun.map((s) => s[c]))])) as Scores;
  const failing = CATEGORIES.filter((c) => scores[c] < BUDGET[c]);
  return { ...target, scores, runs: perRun.map((s) => s.performance), failing: [...failing] };
}

export async function measure(): Promise<{ rows: Row[] }> {
  const outDir = path.resolve(".data", "lighthouse");
  mkdirSync(outDir, { recursive: true });
  const rows: Row[] = [];
  const blank = startBlankNext();
  try {
    await waitFor(`http://localhost:${BLANK_PORT}/`, 120_000);
    rows.push(await lighthouseRuns({ name: "blank Next.js page (baseline)", url: `http://localhost:${BLANK_PORT}/`, baseline: true }, outDir));
  } finally {
    stopProcessGroup(blank);
  }
  const server = startServer();
  try {
    await waitFor(`${BASE}/api/health`, 120_000);
    // Warm the server (first renders compile nothing under `next start`, but fill the data caches).
    for (const page of PAGES) await fetch(`${BASE}${page.path}`);
    for (const page of PAGES) rows.push(await lighthouseRuns({ name: page.name, url: `${BASE}${page.path}` }, outDir));
    return { rows };
  } finally {
    stopProcessGroup(server);
  }
}

export default async function run(): Promise<string> {
  const load = os.loadavg().map((n) => n.toFixed(1)).join(", ");
  const { rows } = await measure();
  const lines = [
    "## Lighthouse budgets",
    "",
    `Lighthouse 12.2.3, mobile defaults (simulated slow 4G, 4x CPU slowdown), headless Chromium, \`next start\`. Median of ${RUNS} runs per page; load average at the start: ${load}.`,
    "",
    "| page | performance (runs) | accessibility | best practices | SEO | budget |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    ...rows.map(
      (r) =>
        `| ${r.name} \`${new URL(r.url).pathname}\` | ${r.scores.performance} (${r.runs.join(", ")}) | ${r.scores.accessibility} | ${r.scores["best-practices"]} | ${r.scores.seo} | ${r.baseline ? "baseline" : r.failing.length === 0 ? "met" : `missed: ${r.failing.join(", ")}`} |`,
    ),
    "",
    "Budgets: performance at least 95; accessibility, best practices and SEO 100. The baseline is a blank Next.js App Router page built with the same Next and React (no code of this app): its performance score is the ceiling this framework version reaches on this machine. Full reports: `.data/lighthouse/*.json`.",
  ];
  return lines.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  run()
    .then((section) => {
      const report = `# Lighthouse report\n\n- date: ${new Date().toISOString()}\n- CPU: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}\n- Node: ${process.version}\n\n${section}\n`;
      writeFileSync(path.join("bench", "LIGHTHOUSE.md"), report);
      console.log(report);
      console.log("lighthouse: wrote bench/LIGHTHOUSE.md");
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
