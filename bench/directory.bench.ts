/**
 * Directory bench: (1) the directory query's latency on Postgres with 100,000 programs and 20,000
 * campuses, for a spread of filter combinations; (2) requests per second of a filtered directory
 * page beside a static page, under `next start`, with autocannon; (3) gzipped JavaScript the browser
 * loads on the public pages. Uses BENCH_DATABASE_URL (default directory_bench on the local server).
 */
import { register } from "node:module";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import zipcodes from "zipcodes";
import os from "node:os";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import { PROGRAM_AREAS } from "@/db/seed/schools";
import { directoryPath, rawParams } from "@/lib/directory-cache";
import { RADIUS_CHOICES, parseDirectoryParams } from "@/lib/validations/directory";
import { clearRuntimePageCache, percentile, recreateDatabase, runWhenMain, stopProcessGroup } from "./support";

// db/queries/* start with `import "server-only"`, which throws outside React Server Components.
register(
  `data:text/javascript,${encodeURIComponent(
    'export async function resolve(s, c, n) { return s === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : n(s, c); }',
  )}`,
);

const BENCH_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:55432/directory_bench";
// 200 samples per row: a p95 of 60 rested on its three slowest, which one scheduler hiccup on a shared
// 2-core machine could move by 8 ms (15.7 to 26.4 ms for one row in consecutive runs).
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

type Combo = { name: string; make: (i: number) => Record<string, unknown> };

/** The filter combinations the bench tries (shared with bench/directory-explain.ts). */
export function directoryCombos(): Combo[] {
  const zips = ["10001", "60601", "77002", "90012", "98101", "30303", "80202", "33101", "55401", "85004", "02108", "64105"];
  const near = (i: number, miles: number) => {
    const z = zipcodes.lookup(zips[i % zips.length] as string)!;
    return { latitude: z.latitude, longitude: z.longitude, miles };
  };
  const states = ["CA", "TX", "NY", "FL", "IL", "OH", "WY", "VT"];
  const words = ["coding", "health information", "cedar", "maple college", "informatics", "billing", "nursing"];
  const page = { limit: 20, offset: 0 };
  return [
    { name: "no filter (recommended)", make: () => ({ ...page }) },
    { name: "no filter, page 50", make: () => ({ limit: 20, offset: 980 }) },
    { name: "no filter, sort by name", make: () => ({ ...page, sort: "name" }) },
    { name: "area", make: (i) => ({ ...page, areaId: 1 + (i % 7) }) },
    { name: "credential", make: () => ({ ...page, credential: ["associate"] }) },
    { name: "delivery online", make: () => ({ ...page, delivery: ["online"] }) },
    { name: "credential + delivery", make: () => ({ ...page, credential: ["associate"], delivery: ["online"] }) },
    { name: "state", make: (i) => ({ ...page, state: states[i % states.length] }) },
    { name: "accredited", make: () => ({ ...page, accredited: true }) },
    { name: "text search", make: (i) => ({ ...page, q: words[i % words.length] }) },
    { name: "ZIP 25 mi", make: (i) => ({ ...page, near: near(i, 25) }) },
    { name: "ZIP 250 mi, by distance", make: (i) => ({ ...page, near: near(i, 250), sort: "distance" }) },
    { name: "ZIP 100 mi + credential + accredited", make: (i) => ({ ...page, near: near(i, 100), credential: ["certificate", "diploma"], accredited: true }) },
    { name: "state + area + delivery", make: (i) => ({ ...page, state: states[i % states.length], areaId: 2, delivery: ["campus", "hybrid"] }) },
    { name: "text + credential + accredited", make: (i) => ({ ...page, q: words[i % words.length], credential: ["bachelor"], accredited: true }) },
    { name: "everything", make: () => ({ ...page, areaId: 3, credential: ["certificate"], delivery: ["campus"], state: "CA", near: near(3, 100), accredited: true, q: "billing", sort: "distance" }) },
  ];
}

export async function queryBench(): Promise<{ table: string; worstP95: number }> {
  const { openDb, migrateDb } = await import("@/db/client");
  const { generateScaleData, SCALE } = await import("./directory-data");
  const { searchDirectory } = await import("@/db/queries/programs");

  // BENCH_REUSE=1 keeps the data of the last run (for iterating on the query, not for the report).
  const reuse = process.env.BENCH_REUSE === "1";
  if (!reuse) await recreateDatabase(BENCH_URL);
  const handle = await openDb({ url: BENCH_URL, max: 4 });
  await migrateDb(handle, { url: BENCH_URL });
  const started = performance.now();
  if (!reuse) await generateScaleData(handle.db);
  else await handle.db.execute(sql`vacuum analyze`);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);

  const combos = directoryCombos();

  const rows: string[] = [];
  let worstP95 = 0;
  for (const combo of combos) {
    for (let i = 0; i < 5; i++) await searchDirectory(combo.make(i) as never, handle.db);
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const t0 = performance.now();
      const result = await searchDirectory(combo.make(i) as never, handle.db);
      times.push(performance.now() - t0);
      total = result.total;
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    worstP95 = Math.max(worstP95, p95);
    rows.push(`| ${combo.name} | ${total.toLocaleString("en-US")} | ${p50.toFixed(1)} | ${p95.toFixed(1)} |`);
  }
  await handle.close();
  const table = [
    `Data: ${SCALE.programs.toLocaleString("en-US")} programs, ${SCALE.campuses.toLocaleString("en-US")} campuses, ${SCALE.schools.toLocaleString("en-US")} schools (generated in ${seconds} s). ${ITERATIONS} runs per row after 5 warm-up runs; one page of 20 plus the count, as the page runs it (the page's ads, with their campus cities, read in the page's own statements: a search's branches in one statement, a ZIP's in growing circles; the capped count beside them).`,
    "",
    "| filters | matches (last run) | p50 ms | p95 ms |",
    "| --- | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
  return { table, worstP95 };
}

const APP_URL = process.env.BENCH_APP_DATABASE_URL ?? "postgres://postgres@127.0.0.1:55432/directory_bench_app";
const PORT = Number(process.env.BENCH_PORT ?? 3309);
const STATIC_PATH = "/advertising-disclosure";
const CONNECTIONS = 16;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);

async function waitFor(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`bench: ${url} did not come up`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The machine's state, for each figure: cores and the load average (1, 5, 15 min). */
function machine() {
  return `${os.cpus().length} cores, load ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" / ")}`;
}

/**
 * Directory URLs as students make them: a deterministic, varied mix of program area, credential,
 * delivery, state, ZIP and radius, sort and page, in the form's canonical query-string order.
 */
export function directoryUrlMix(count: number, seed = 7): string[] {
  let a = seed;
  const random = () => {
    a = (a * 1_103_515_245 + 12_345) % 2 ** 31;
    return a / 2 ** 31;
  };
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const areas = PROGRAM_AREAS.map((p) => p.slug);
  const credentials = ["certificate", "diploma", "associate", "bachelor", "master"];
  const deliveries = ["online", "campus", "hybrid"];
  const states = ["CA", "TX", "NY", "FL", "IL", "PA", "OH", "GA", "AZ", "WA"];
  const zips = ["90012", "10001", "60601", "77002", "85004", "98101", "30303", "33101", "19103", "91401", "92101", "75201"];
  const urls = new Set<string>();
  while (urls.size < count) {
    const params = new URLSearchParams();
    const kind = random();
    if (kind < 0.15) {
      // The first view: no filters, or just a sort.
      if (random() < 0.3) params.set("sort", "name");
    } else if (kind < 0.4) {
      params.set("area", pick(areas));
      if (random() < 0.5) params.append("credential", pick(credentials));
    } else if (kind < 0.6) {
      params.set("state", pick(states));
      if (random() < 0.5) params.append("delivery", pick(deliveries));
    } else if (kind < 0.85) {
      params.set("zip", pick(zips));
      params.set("radius", String(pick(RADIUS_CHOICES)));
      if (random() < 0.4) params.set("sort", "distance");
    } else {
      params.append("credential", pick(credentials));
      params.append("delivery", pick(deliveries));
      if (random() < 0.5) params.set("accredited", "1");
    }
    if (random() < 0.15) params.set("page", "2");
    const query = params.toString();
    urls.add(`/schools${query ? `?${query}` : ""}`);
  }
  return [...urls];
}

/** Filter sets nobody asked for before: every request a new ZIP and radius (a cache miss each time). */
function uniqueUrls(): () => string {
  const zips = Object.values(zipcodes.codes)
    .filter((z) => z.country === "US" && /^\d{5}$/.test(z.zip))
    .map((z) => z.zip);
  let i = 0;
  return () => {
    const zip = zips[i % zips.length] as string;
    const radius = RADIUS_CHOICES[Math.floor(i / zips.length) % RADIUS_CHOICES.length] as number;
    i++;
    return `/schools?zip=${zip}&radius=${radius}`;
  };
}

/** Free-text searches: rendered per request by design (see lib/directory-cache.ts). */
function searchUrls(): () => string {
  const words = ["coding", "billing", "health", "college", "medical office", "informatics", "institute", "pacific", "valley", "career"];
  let i = 0;
  return () => `/schools?q=${encodeURIComponent(words[i++ % words.length] as string)}`;
}

type Measured = { rps: number; p97: number; total: number; errors: number; timeouts: number; load: string };

async function measure(base: string, nextPath: () => string, seconds = DURATION, warmup = 3): Promise<Measured> {
  const autocannon = (await import("autocannon")).default;
  const run = (duration: number) =>
    autocannon({
      url: base,
      connections: CONNECTIONS,
      duration,
      requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: nextPath() }) }],
    });
  if (warmup > 0) await run(warmup);
  const load = machine();
  const result = await run(seconds);
  if (result.non2xx > 0) throw new Error(`bench: ${result.non2xx} non-2xx responses`);
  return {
    rps: result.requests.average,
    p97: result.latency.p97_5 ?? result.latency.p99,
    total: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    load,
  };
}

const cycle = (urls: string[]) => {
  let i = 0;
  return () => urls[i++ % urls.length] as string;
};

/** `next start` on the normal seed (Postgres), then autocannon and Chromium against it. */
async function serverBench(): Promise<string> {
  const { spawn, spawnSync } = await import("node:child_process");
  const { existsSync } = await import("node:fs");
  const { openDb, migrateDb } = await import("@/db/client");
  const { seed } = await import("@/db/seed");

  await recreateDatabase(APP_URL);
  const handle = await openDb({ url: APP_URL, max: 1 });
  await migrateDb(handle, { url: APP_URL });
  await seed(handle.db);
  await handle.close();

  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: APP_URL,
    SITE_URL: `http://localhost:${PORT}`,
    // A production server refuses to start without these (lib/env.ts).
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-only-secret-0123456789abcdef0123456789abcdef",
    AUTH_TRUST_HOST: "true",
  };
  if (process.env.BENCH_BUILD === "1" || !existsSync(".next/BUILD_ID")) {
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env });
    if (build.status !== 0) throw new Error("bench: next build failed");
  }
  clearRuntimePageCache();
  const server = spawn("npx", ["next", "start", "-p", String(PORT)], { stdio: ["ignore", "ignore", "inherit"], env, detached: true });
  const base = `http://localhost:${PORT}`;
  try {
    await waitFor(`${base}/api/health`, 60_000);
    const mix = directoryUrlMix(60);
    const htmlKb = async (path: string) => ((await (await fetch(`${base}${path}`)).text()).length / 1024).toFixed(0);
    const sizes = { directory: await htmlKb(mix[1] as string), search: await htmlKb("/schools?q=coding") };

    const staticPage = await measure(base, () => STATIC_PATH);
    // Cold: every request a filter set never asked for (rendered, then stored in the page cache).
    const cold = await measure(base, uniqueUrls(), DURATION, 0);
    // Search: free text is rendered per request, whatever was asked before.
    const search = await measure(base, searchUrls());
    // The mix: 60 filter sets in turn (the warm-up run views each at least once), at the addresses
    // the directory's links and instant filters use (the page-cache route, straight), then at the
    // query-string addresses the form submits without JavaScript (through the proxy's rewrite).
    const ownAddresses = mix.map((url) => directoryPath(parseDirectoryParams(rawParams(new URL(url, base).searchParams), () => true).filters));
    const warm = await measure(base, cycle(ownAddresses));
    const warmQuery = await measure(base, cycle(mix));
    // The two most visited pages, plain (no query string: next.config.mjs rewrites them to their
    // cached pages without the proxy step).
    const plainDirectory = await measure(base, () => "/schools");
    const plainCareer = await measure(base, () => "/careers/medical-records-and-health-information-technicians");
    const staticAgain = await measure(base, () => STATIC_PATH, DURATION, 1);
    const staticRps = (staticPage.rps + staticAgain.rps) / 2;

    const row = (name: string, m: Measured) =>
      `| ${name} | ${m.rps.toFixed(0)} | ${(m.rps / staticRps).toFixed(2)} | ${m.p97} | ${m.total} | ${m.errors} (${m.timeouts}) | ${m.load} |`;

    const { readFile } = await import("node:fs/promises");
    const manifest = JSON.parse(await readFile(".next/build-manifest.json", "utf8")) as { rootMainFiles: string[] };
    let frameworkBytes = 0;
    for (const file of manifest.rootMainFiles) frameworkBytes += gzipSync(await readFile(`.next/${file}`)).length;
    const frameworkKb = frameworkBytes / 1024;

    const { chromium } = await import("@playwright/test");
    const browser = await chromium.launch(existsSync("/usr/bin/chromium") ? { executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] } : {});
    const pages = [
      "/schools",
      "/schools?credential=associate&delivery=online",
      "/schools?zip=90012&radius=50&sort=distance",
      "/schools?q=coding",
      "/programs/pacific-crest-college-medical-administrative-specialist",
      "/schools/pacific-crest-college",
      "/careers/medical-records-and-health-information-technicians",
      "/states",
      "/states/california",
      "/advertising-disclosure",
    ];
    const jsRows: string[] = [];
    let worstKb = 0;
    for (const path of pages) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const responses: import("@playwright/test").Response[] = [];
      page.on("response", (r) => {
        if (r.request().resourceType() === "script") responses.push(r);
      });
      await page.goto(`${base}${path}`, { waitUntil: "load" });
      // Include what loads after `load` (hydration, link prefetches), as far as the network settles.
      await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => {});
      let bytes = 0;
      let brotli = 0;
      for (const r of responses) {
        bytes += (await r.request().sizes()).responseBodySize;
        brotli += brotliCompressSync(await r.body(), { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      }
      const kb = bytes / 1024;
      worstKb = Math.max(worstKb, kb);
      let extra = "";
      if (path === "/schools") {
        // What the first Request Info click adds (the dialog and the form, loaded on demand).
        const before = bytes;
        try {
          await page.getByRole("link", { name: /^Request info about/ }).first().click();
          await page.getByRole("dialog", { name: "Request information" }).getByLabel("First name", { exact: true }).waitFor({ timeout: 60_000 });
          await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => {});
          let after = 0;
          for (const r of responses) after += (await r.request().sizes()).responseBodySize;
          extra = ` (+${((after - before) / 1024).toFixed(1)} kB on the first Request Info click)`;
        } catch (error) {
          extra = ` (the first Request Info click was not measured: ${error instanceof Error ? error.name : "error"})`;
        }
      }
      jsRows.push(`| ${path} | ${responses.length} | ${kb.toFixed(1)}${extra} | ${(brotli / 1024).toFixed(1)} |`);
      await context.close();
    }
    await browser.close();

    return [
      `### Throughput under \`next start\` (Postgres, normal seed)`,
      "",
      `autocannon, ${CONNECTIONS} connections, ${DURATION} s per row (after a 3 s warm-up, except the cold row), loopback, one server, one run. Static: \`${STATIC_PATH}\` (a prerendered page), measured before and after the directory rows; their mean is the baseline (${staticPage.rps.toFixed(0)} and ${staticAgain.rps.toFixed(0)} req/s). Page HTML: ${sizes.directory} kB (a filtered directory page), ${sizes.search} kB (a search).`,
      "",
      "| page | req/s | ratio to static | p97.5 latency ms | requests | errors (timeouts) | machine during the row |",
      "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
      row(`static \`${STATIC_PATH}\` (first)`, staticPage),
      row("directory, warm: a mix of 60 filter sets in turn, at their own addresses (`/directory/state=CA&…`: links, instant filters)", warm),
      row("directory, warm: the same 60, at their query-string addresses (`/schools?state=CA&…`: the form without JavaScript)", warmQuery),
      row("the unfiltered directory, `/schools`", plainDirectory),
      row("a career profile with its directory, `/careers/medical-records-and-health-information-technicians`", plainCareer),
      row("directory, cold: every request a new filter set (ZIP + radius)", cold),
      row("directory, free-text search (rendered per request)", search),
      row(`static \`${STATIC_PATH}\` (again)`, staticAgain),
      "",
      `Warm ratio: **${(warm.rps / staticRps).toFixed(2)}** at the pages' own addresses, **${(warmQuery.rps / staticRps).toFixed(2)}** at their query-string addresses; cold ratio: **${(cold.rps / staticRps).toFixed(2)}**, search ratio: **${(search.rps / staticRps).toFixed(2)}** (target: at least 0.5 for a filtered directory page).`,
      "",
      "### JavaScript the browser loads (gzip transfer size, Chromium)",
      "",
      "| page | scripts | kB (gzip, as served by `next start`) | kB if served with brotli (quality 11, for comparison) |",
      "| --- | ---: | ---: | ---: |",
      ...jsRows,
      "",
      `Largest: **${worstKb.toFixed(1)} kB** (target: under 120 kB). Next's own client runtime (React DOM, the App Router), which every page loads whatever it contains, is the \`rootMainFiles\` of .next/build-manifest.json: ${frameworkKb.toFixed(1)} kB gzipped in this build.`,
    ].join("\n");
  } finally {
    // The server may have exited already (its error is the one to report, not this kill's).
    stopProcessGroup(server);
  }
}

export default async function run(): Promise<string> {
  const sections = ["## Directory"];
  const load = `Machine when the run began: ${machine()}.`;
  sections.push(load);
  if (process.env.BENCH_SKIP_QUERY !== "1") {
    const query = await queryBench();
    sections.push(`### Directory query on Postgres\n\n${query.table}\n\nWorst p95: **${query.worstP95.toFixed(1)} ms** (target: under 20 ms).`);
  }
  if (process.env.BENCH_SKIP_SERVER !== "1") sections.push(await serverBench());
  return sections.join("\n\n");
}

runWhenMain(import.meta.url, run);
