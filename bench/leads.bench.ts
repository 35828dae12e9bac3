/**
 * Request Info under load, on Postgres, through `next start` (the production server) and the real
 * Resend SDK against the local fake provider:
 *  1. lead submissions per second and p95 latency at 32 concurrent submitters, beside a no-op POST
 *     on the same server in the same run;
 *  2. time from submission to the provider accepting the school's email (p50, p95);
 *  3. an outage: the provider fails while 1,000 leads come in; afterwards every lead is stored and
 *     every email delivered exactly once.
 * Run alone: `npx tsx bench/leads.bench.ts` (needs a build: `npx next build`, or it builds).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import postgres from "postgres";
import { startFakeResend, type FakeResend } from "../e2e/support/fake-resend.mjs";
import { leadStudent, postLead, scrapeLeadForm, VALLEY_SLUG, type LeadStudent } from "../e2e/support/lead-post";
import { percentile, recreateDatabase, runWhenMain, stopProcessGroup } from "./support";

const PORT = Number(process.env.BENCH_LEADS_PORT ?? 3402);
const FAKE_PORT = Number(process.env.BENCH_LEADS_FAKE_PORT ?? 3492);
const DB_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:55432/bench_leads";
const BASE = `http://127.0.0.1:${PORT}`;
const SLUG = VALLEY_SLUG;
const CONCURRENCY = 32;

async function startServer(): Promise<ChildProcess> {
  if (!existsSync(".next/BUILD_ID")) {
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const server = spawn("npx", ["next", "start", "-p", String(PORT)], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: DB_URL,
      DATABASE_POOL_MAX: "10",
      AUTH_SECRET: "bench-only-secret-0123456789abcdef0123456789abcdef",
      SITE_URL: BASE,
      RESEND_API_KEY: "re_bench_fake",
      RESEND_BASE_URL: `http://127.0.0.1:${FAKE_PORT}`,
      EMAIL_SEND_TIMEOUT_MS: "5000",
      DELIVERY_RETRY_SCHEDULE: "0,1,2,4,8,15",
      DELIVERY_POLL_MS: "250",
      LEAD_MIN_FILL_MS: "0",
      LEAD_RATE_LIMIT: "1000000/600",
    },
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

let seq = 0;
const student = (run: string) => leadStudent(seq++, `${run}.bench.example`, { firstName: "Bench", lastName: "Student" });

const submit = async (hidden: Record<string, string>, s: LeadStudent) => (await postLead(BASE, hidden, s, SLUG)) === "accepted";

async function pool<T>(count: number, work: (i: number) => Promise<T>): Promise<{ results: T[]; latencies: number[]; seconds: number }> {
  const results: T[] = new Array(count);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t = performance.now();
        results[i] = await work(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { results, latencies, seconds: (performance.now() - started) / 1000 };
}

async function waitForOutbox(sql: postgres.Sql, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql`select count(*) filter (where status in ('pending','sending'))::int as open, count(*) filter (where status = 'failed')::int as failed, count(*)::int as total from email_outbox`;
    if (row!.open === 0 || Date.now() > deadline) return row as { open: number; failed: number; total: number };
    await new Promise((r) => setTimeout(r, 250));
  }
}

export default async function run(): Promise<string> {
  await recreateDatabase(DB_URL);
  const fake: FakeResend = await startFakeResend({ port: FAKE_PORT });
  let server: ChildProcess | undefined;
  const sql = postgres(DB_URL, { max: 2, onnotice: () => {} });
  try {
    server = await startServer();
    const hidden = await scrapeLeadForm(BASE, SLUG);
    // Warm up the routes (first render compiles nothing in production, but opens connections).
    await pool(64, () => submit(hidden, student("warm")));
    await waitForOutbox(sql, 60_000);

    // 1. Throughput beside a no-op POST (a POST the app answers without running any code of ours).
    const submitTimes = new Map<string, number>();
    const leadRun = await pool(2000, async () => {
      const s = student("load");
      submitTimes.set(s.email, Date.now());
      return submit(hidden, s);
    });
    const noop = await pool(4000, async () => {
      const res = await fetch(`${BASE}/api/health`, { method: "POST" });
      await res.arrayBuffer();
      return res.status;
    });
    const ok = leadRun.results.filter(Boolean).length;
    const leadRps = ok / leadRun.seconds;
    const noopRps = noop.results.length / noop.seconds;

    // 2. Submission to provider acceptance, for the school emails of the load run.
    const drained = await waitForOutbox(sql, 120_000);
    const delays: number[] = [];
    for (const e of fake.emails) {
      if (!e.payload.to.some((t) => t.startsWith("admissions@"))) continue;
      const email = /s\d+@load\.bench\.example/.exec(e.payload.text)?.[0];
      const sent = email ? submitTimes.get(email) : undefined;
      if (sent) delays.push(e.receivedAt - sent);
    }

    // 3. Outage: the provider fails while 1,000 leads come in, then recovers.
    fake.addRule({ mode: "fail" });
    const outageStart = Date.now();
    const outage = await pool(1000, () => submit(hidden, student("outage")));
    const stillDown = Math.max(0, 5_000 - (Date.now() - outageStart));
    await new Promise((r) => setTimeout(r, stillDown));
    const outageSeconds = (Date.now() - outageStart) / 1000;
    const requestsDuringOutage = fake.requests();
    fake.clearRules();
    const after = await waitForOutbox(sql, 180_000);
    const [stored] = await sql`select count(*)::int as n from lead_requests where email like '%@outage.bench.example'`;
    const rows = await sql`select o.idempotency_key, o.status from email_outbox o where o.to_addresses[1] like '%@outage.bench.example' or o.lead_id in (select l.id from leads l join lead_requests r on r.id = l.request_id where r.email like '%@outage.bench.example')`;
    const byKey = new Map(fake.emails.map((e) => [e.key, e]));
    const delivered = rows.filter((r) => r.status === "sent" && byKey.has(r.idempotency_key as string)).length;
    const duplicatesAtProvider = fake.emails.length - new Set(fake.emails.map((e) => e.key)).size;
    const replays = fake.emails.filter((e) => e.attempts > 1).length;

    return [
      "## Request Info (leads)",
      "",
      `Postgres, \`next start\`, ${CONCURRENCY} concurrent submitters posting the no-JavaScript form (multipart, as a browser does); emails through the Resend SDK to the local fake provider; the in-app delivery worker.`,
      "",
      "| measure | value |",
      "| --- | --- |",
      `| lead submissions | ${ok} of ${leadRun.results.length} accepted in ${leadRun.seconds.toFixed(1)} s |`,
      `| lead submissions per second | ${leadRps.toFixed(1)} |`,
      `| lead submission latency p50 / p95 | ${percentile(leadRun.latencies, 50).toFixed(0)} ms / ${percentile(leadRun.latencies, 95).toFixed(0)} ms |`,
      `| no-op POST per second (same server, same run) | ${noopRps.toFixed(1)} |`,
      `| no-op POST latency p50 / p95 | ${percentile(noop.latencies, 50).toFixed(0)} ms / ${percentile(noop.latencies, 95).toFixed(0)} ms |`,
      `| lead / no-op throughput ratio | ${(leadRps / noopRps).toFixed(2)} |`,
      `| submission → provider accepted, p50 / p95 (${delays.length} school emails) | ${percentile(delays, 50).toFixed(0)} ms / ${percentile(delays, 95).toFixed(0)} ms |`,
      `| outbox after the load run | ${drained.total - drained.open - drained.failed} sent, ${drained.failed} failed, ${drained.open} open |`,
      `| outage: leads accepted while the provider failed | ${outage.results.filter(Boolean).length} of 1000 (outage ${outageSeconds.toFixed(1)} s, ${requestsDuringOutage} provider calls refused or not) |`,
      `| outage: leads stored | ${stored!.n} |`,
      `| outage: emails delivered afterwards | ${delivered} of ${rows.length} outbox rows (${after.failed} failed overall) |`,
      `| outage: emails stored twice at the provider | ${duplicatesAtProvider} (retried with the same key: ${replays}) |`,
    ].join("\n");
  } finally {
    await sql.end({ timeout: 5 });
    stopProcessGroup(server);
    await fake.close();
  }
}

runWhenMain(import.meta.url, run);
