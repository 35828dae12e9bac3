/**
 * Mixed load on Postgres through `next start`: 64 connections for 60 s, 80 % of them viewing
 * directory pages (varied filter URLs, career and program pages), 20 % posting Request Info
 * (the no-JavaScript form, multipart with Origin, as a browser posts it).
 * Reports requests, errors and p50/p95/p99 per kind, then checks that no lead was lost: every
 * accepted submission is stored, and once the outbox drains, each of its emails reached the fake
 * provider exactly once.
 * Run alone: `npx tsx bench/mixed.bench.ts` (needs a build: `npx next build`, or it builds).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import autocannon from "autocannon";
import postgres from "postgres";
import { startFakeResend } from "../e2e/support/fake-resend.mjs";
import { leadFormBody, leadStudent, scrapeLeadForm, VALLEY_SLUG } from "../e2e/support/lead-post";
import { startNextApp } from "../e2e/support/next-app.mjs";
import { percentile, recreateDatabase, runWhenMain } from "./support";

const PORT = Number(process.env.BENCH_MIXED_PORT ?? 3406);
const FAKE_PORT = Number(process.env.BENCH_MIXED_FAKE_PORT ?? 3496);
const DB_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:55432/bench_mixed";
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DURATION_S = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
const CONNECTIONS = 64;
/**
 * How long a client waits for an answer before it gives up (seconds). A browser waits minutes for a
 * form post; 30 s is what a person might sit through. The 64 connections ask without pause, so the
 * server (two cores) runs flat out and a submission, a dozen database round trips that each wait
 * their turn behind the page views, takes seconds: the p99 in the report says how many.
 */
const CLIENT_TIMEOUT_S = Number(process.env.BENCH_MIXED_TIMEOUT ?? 30);
const SLUG = VALLEY_SLUG;
const SCHOOL_INBOX = "admissions@valley-allied-health-institute.example";
const DOMAIN = "mixed.bench.example";

const VIEWS = [
  "/schools",
  "/schools?state=CA",
  "/schools?credential=associate",
  "/schools?delivery=online",
  "/schools?area=medical-coding",
  "/schools?accredited=1",
  "/schools?q=coding",
  "/schools?q=health+information",
  "/schools?sort=name",
  "/schools?page=3",
  "/schools?zip=90012&radius=50&sort=distance",
  "/schools?zip=10001&radius=100",
  "/schools?credential=certificate&credential=diploma&delivery=campus",
  "/schools?state=TX&delivery=hybrid",
  "/careers/medical-records-and-health-information-technicians",
  "/careers/medical-records-and-health-information-technicians?credential=associate&state=CA",
  "/careers/medical-records-and-health-information-technicians?zip=91402&radius=25",
  `/programs/${SLUG}`,
  "/states/ca",
  "/",
];

async function waitForOutbox(sql: postgres.Sql, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql<{ open: number; failed: number; sent: number }[]>`select count(*) filter (where status in ('pending','sending'))::int as open, count(*) filter (where status = 'failed')::int as failed, count(*) filter (where status = 'sent')::int as sent from email_outbox`;
    if (row!.open === 0 || Date.now() > deadline) return row!;
    await new Promise((r) => setTimeout(r, 250));
  }
}

type Kind = "view" | "lead";
type Tally = { latencies: number[]; statuses: Map<number, number> };

export default async function run(): Promise<string> {
  if (!existsSync(".next/BUILD_ID")) {
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  await recreateDatabase(DB_URL);
  const fake = await startFakeResend({ port: FAKE_PORT });
  const app = startNextApp({
    port: PORT,
    output: "ignore",
    env: {
      ...process.env,
      DATABASE_URL: DB_URL,
      DATABASE_POOL_MAX: "10",
      AUTH_SECRET: "bench-only-secret-0123456789abcdef0123456789abcdef",
      SITE_URL: ORIGIN,
      RESEND_API_KEY: "re_bench_fake",
      RESEND_BASE_URL: fake.url,
      EMAIL_SEND_TIMEOUT_MS: "5000",
      DELIVERY_RETRY_SCHEDULE: "0,1,2,4,8,15",
      DELIVERY_POLL_MS: "250",
      LEAD_MIN_FILL_MS: "0",
      LEAD_RATE_LIMIT: "1000000/600",
    },
  });
  const sql = postgres(DB_URL, { max: 2, onnotice: () => {} });
  try {
    await app.ready(300_000);
    const hidden = await scrapeLeadForm(ORIGIN, SLUG);
    // Warm every view once (opens connections, fills the directory's cache as real traffic would).
    for (const path of VIEWS) await (await fetch(`${ORIGIN}${path}`)).arrayBuffer();

    // Bodies made in advance, encoded by the platform's FormData as a browser would (each a new student).
    const bodies: { email: string; body: string; contentType: string }[] = [];
    for (let n = 0; n < 20_000; n++) {
      const student = leadStudent(n, DOMAIN, { firstName: "Mixed", lastName: "Load" });
      const encoded = new Response(leadFormBody(hidden, student));
      bodies.push({ email: student.email, body: await encoded.text(), contentType: encoded.headers.get("content-type") ?? "" });
    }

    // Two autocannon runs side by side on one server: 80 % of the connections view pages, 20 % submit.
    const submitted = new Map<string, number>(); // student email -> status
    let next = 0;
    let viewIndex = 0;
    const leadConnections = Math.round(CONNECTIONS / 5);
    const views = autocannon({
      url: ORIGIN,
      connections: CONNECTIONS - leadConnections,
      duration: DURATION_S,
      timeout: CLIENT_TIMEOUT_S,
      requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: VIEWS[viewIndex++ % VIEWS.length] }) }],
    });
    const leads = autocannon({
      url: ORIGIN,
      connections: leadConnections,
      duration: DURATION_S,
      timeout: CLIENT_TIMEOUT_S,
      requests: [
        {
          method: "POST",
          path: `/programs/${SLUG}/request-info`,
          setupRequest: (req, context) => {
            const b = bodies[next++ % bodies.length]!;
            context.email = b.email;
            return { ...req, body: b.body, headers: { "content-type": b.contentType, origin: ORIGIN } };
          },
          onResponse: (status, _body, context) => {
            submitted.set(String(context.email), status);
          },
        },
      ],
    });
    const tallies: Record<Kind, Tally> = { view: { latencies: [], statuses: new Map() }, lead: { latencies: [], statuses: new Map() } };
    for (const [kind, instance] of [["view", views], ["lead", leads]] as const) {
      instance.on("response", (_client, statusCode, _bytes, responseTime) => {
        tallies[kind].latencies.push(responseTime);
        tallies[kind].statuses.set(statusCode, (tallies[kind].statuses.get(statusCode) ?? 0) + 1);
      });
    }
    const [viewResult, leadResult] = await Promise.all([views, leads]);

    // No lead lost: every accepted submission (303 to the thank-you page) stored, every email out once.
    const accepted = [...submitted].filter(([, status]) => status === 303).map(([email]) => email);
    const stored = new Set((await sql<{ email: string }[]>`select email from lead_requests where email like ${`%@${DOMAIN}`}`).map((r) => r.email));
    const missing = accepted.filter((e) => !stored.has(e)).length;
    const drainStart = Date.now();
    const outbox = await waitForOutbox(sql, 300_000);
    const drainSeconds = (Date.now() - drainStart) / 1000;
    const toStudent = new Map<string, number>();
    const toSchool = new Map<string, number>();
    for (const e of fake.emails) {
      const to = e.payload.to[0] ?? "";
      if (to.endsWith(`@${DOMAIN}`)) toStudent.set(to, (toStudent.get(to) ?? 0) + 1);
      else if (to === SCHOOL_INBOX) {
        const who = new RegExp(`s\\d+@${DOMAIN.replace(/\./g, "\\.")}`).exec(e.payload.text)?.[0];
        if (who) toSchool.set(who, (toSchool.get(who) ?? 0) + 1);
      }
    }
    const deliveredOnce = [...stored].filter((e) => toStudent.get(e) === 1 && toSchool.get(e) === 1).length;
    const duplicates = [...toStudent.values(), ...toSchool.values()].filter((n) => n > 1).length;

    const row = (kind: Kind, label: string) => {
      const t = tallies[kind];
      const sorted = [...t.latencies].sort((a, b) => a - b);
      const statuses = [...t.statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(", ");
      return `| ${label} | ${sorted.length} | ${(sorted.length / DURATION_S).toFixed(1)} | ${percentile(sorted, 50).toFixed(0)} / ${percentile(sorted, 95).toFixed(0)} / ${percentile(sorted, 99).toFixed(0)} ms | ${statuses} |`;
    };
    const bad = [...tallies.view.statuses, ...tallies.lead.statuses].filter(([s]) => s < 200 || s >= 400).reduce((n, [, c]) => n + c, 0);

    return [
      "## Mixed load (directory views and lead submissions)",
      "",
      `Postgres, one \`next start\` (pool of 10), autocannon: ${CONNECTIONS} connections for ${DURATION_S} s, ${CONNECTIONS - Math.round(CONNECTIONS / 5)} of them viewing pages (${VIEWS.length} URLs: directory filters, career, program and state pages, home), ${Math.round(CONNECTIONS / 5)} submitting Request Info (the no-JavaScript form, multipart, a new student each time), each client giving up after ${CLIENT_TIMEOUT_S} s; emails through the Resend SDK to the local fake provider, in-app delivery worker.`,
      "",
      "| kind | requests | per second | latency p50 / p95 / p99 | status codes |",
      "| --- | --- | --- | --- | --- |",
      row("view", "directory and page views"),
      row("lead", "lead submissions"),
      `| all | ${viewResult.requests.total + leadResult.requests.total} | ${(viewResult.requests.average + leadResult.requests.average).toFixed(1)} | | |`,
      "",
      "| check | value |",
      "| --- | --- |",
      `| responses other than 2xx/3xx | ${bad} |`,
      `| connection errors / timeouts | ${viewResult.errors + leadResult.errors} / ${viewResult.timeouts + leadResult.timeouts} |`,
      `| submissions accepted (303 to the thank-you page) | ${accepted.length} of ${submitted.size} |`,
      `| accepted but not stored | ${missing} |`,
      `| outbox drained after the run in | ${drainSeconds.toFixed(1)} s (${outbox.sent} sent, ${outbox.failed} failed, ${outbox.open} still open) |`,
      `| stored requests whose school notification and confirmation each arrived exactly once | ${deliveredOnce} of ${stored.size} |`,
      `| emails received more than once for one student | ${duplicates} |`,
    ].join("\n");
  } finally {
    await sql.end({ timeout: 5 });
    await app.kill("SIGTERM");
    await fake.close();
  }
}

runWhenMain(import.meta.url, run);
