import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { leadStudent } from "./lead-post";

/**
 * Helpers for the fault specs (e2e/faults-*.spec.ts), which run app servers of their own from the
 * suite's build (Playwright's web server built it before any spec runs), each on its own database.
 */

/** Ports of a fault spec's own servers: beside the suite's, clear of the cluster's two (port+1, +2). */
export function faultPorts(offset: number) {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const fake = Number(process.env.E2E_FAKE_RESEND_PORT ?? port + 90);
  return { app: port + 3 + offset * 2, spare: port + 4 + offset * 2, fake: fake + 1 + offset };
}

/** A new, empty database beside DATABASE_URL's (same server, name suffixed), dropped first if left over. */
export async function freshDatabase(suffix: string): Promise<string> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("fault specs need DATABASE_URL");
  const url = new URL(base);
  const name = `${url.pathname.slice(1)}_${suffix}`;
  const admin = postgres({ ...connection(url), database: "postgres", max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

function connection(url: URL) {
  return { host: url.hostname, port: Number(url.port || 5432), username: decodeURIComponent(url.username || "postgres"), password: decodeURIComponent(url.password) || undefined };
}

/** The environment e2e/support/server.mjs gives the suite's server, for a server of the spec's own. */
export function faultAppEnv(options: { port: number; databaseUrl: string; fakeUrl: string; extra?: Record<string, string> }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789abcdef",
    AUTH_TRUST_HOST: "true",
    SITE_URL: `http://localhost:${options.port}`,
    RESEND_API_KEY: "re_e2e_fake_key",
    RESEND_BASE_URL: options.fakeUrl,
    EMAIL_SEND_TIMEOUT_MS: "3000",
    DELIVERY_RETRY_SCHEDULE: "0,1,2,3,4",
    DELIVERY_POLL_MS: "500",
    TRUSTED_PROXY_HOPS: "1",
    LEAD_MIN_FILL_MS: "0",
    LEAD_RATE_LIMIT: "1000000/600",
    ...options.extra,
  };
}

export { VALLEY_INBOX, VALLEY_SLUG, postLead, scrapeLeadForm, type PostOutcome } from "./lead-post";

const run = randomUUID().slice(0, 8);
let counter = 0;
/** A student nobody else submits: a unique email `sN.RUN@domain` (the specs match that shape) and phone. */
export function uniqueStudent(domain: string) {
  const n = counter++;
  return { ...leadStudent(n, domain, { firstName: "Casey", lastName: "Fault" }), email: `s${n}.${run}@${domain}` };
}

/** Waits until no email is pending or being sent; returns the outbox by status. */
export async function drainOutbox(sql: postgres.Sql, timeoutMs = 60_000): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await sql<{ status: string; n: number }[]>`select status::text, count(*)::int as n from email_outbox group by status`;
    const counts = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    if (!counts.pending && !counts.sending) return counts;
    if (Date.now() > deadline) throw new Error(`outbox not drained: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
