/**
 * The database goes away for 10 s while the app runs, and comes back. A TCP relay between the app
 * and Postgres (e2e/support/tcp-proxy.ts) cuts every connection and turns new ones away; the shared
 * Postgres itself is never stopped. This spec runs a `next start` of its own from the suite's build,
 * on a database of its own; it needs Postgres (DATABASE_URL), as CI has.
 */
import { expect, test, type Page } from "@playwright/test";
import postgres from "postgres";
import { startFakeResend, type FakeResend } from "./support/fake-resend.mjs";
import { faultAppEnv, faultPorts, freshDatabase, postLead, scrapeLeadForm, uniqueStudent, VALLEY_INBOX, VALLEY_SLUG } from "./support/faults";
import { leadFormBody } from "./support/lead-post";
import { fillLeadForm, newStudent } from "./support/leads";
import { startNextApp } from "./support/next-app.mjs";
import { startTcpProxy } from "./support/tcp-proxy";

test.skip(!process.env.DATABASE_URL, "needs Postgres: set DATABASE_URL");

const OUTAGE_MS = 10_000;
const CAREER = "/careers/medical-records-and-health-information-technicians";
const TROUBLE_HEADING = "We're having trouble right now";

const delivered = (fake: FakeResend, email: string) => ({
  school: fake.emails.filter((e) => e.payload.to.includes(VALLEY_INBOX) && e.payload.text.includes(email)).length,
  student: fake.emails.filter((e) => e.payload.to.includes(email)).length,
});

async function expectTroublePage(page: Page, url: string) {
  const response = await page.goto(url, { timeout: 20_000 });
  expect(response?.status()).toBeGreaterThanOrEqual(500);
  await expect(page.getByRole("heading", { level: 1, name: TROUBLE_HEADING })).toBeVisible();
  await expect(page.getByText("Please try again in a moment.")).toBeVisible();
}

test("while the database is away pages say so at once, and afterwards the app recovers by itself", async ({ page }) => {
  test.setTimeout(180_000);
  const ports = faultPorts(1);
  const databaseUrl = await freshDatabase("outage");
  const relay = await startTcpProxy({ port: ports.spare, target: { host: new URL(databaseUrl).hostname, port: Number(new URL(databaseUrl).port || 5432) } });
  const fake = await startFakeResend({ port: ports.fake });
  const env = faultAppEnv({
    port: ports.app,
    databaseUrl: relay.url(databaseUrl),
    fakeUrl: fake.url,
    // Enough retries, a few seconds apart, for an email that fails at the provider to outlive the outage.
    // A send cut off by the outage is claimed again after 10 s rather than the default 2 min.
    extra: { DELIVERY_RETRY_SCHEDULE: "0,2,2,2,2,2,2,2,2,2,2,2,2,2,2", DELIVERY_LOCK_SECONDS: "10" },
  });
  const app = startNextApp({ port: ports.app, env, output: process.env.FAULTS_SERVER_LOG ? "inherit" : "ignore" });
  const origin = `http://localhost:${ports.app}`;
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await app.ready();
    // A lead whose emails the provider refuses until the outage: the worker must send them after it.
    const hidden = await scrapeLeadForm(origin);
    const early = uniqueStudent("outage.example");
    fake.addRule({ mode: "fail", match: early.email });
    expect(await postLead(origin, hidden, early)).toBe("accepted");
    await expect.poll(() => fake.requests(), { timeout: 30_000 }).toBeGreaterThan(0);

    // A student has the Request Info form open when the database goes.
    const student = newStudent();
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": student.ip });
    await page.goto(`${origin}/programs/${VALLEY_SLUG}/request-info`);
    await fillLeadForm(page, student, { campus: "Van Nuys (main campus)" });

    relay.down();
    const outageEnds = Date.now() + OUTAGE_MS;
    fake.clearRules();

    // Pages that read the database answer with the error page, not a hang (filters nobody asked
    // for before, so no cached read can answer instead).
    const other = await page.context().newPage();
    await expectTroublePage(other, `${origin}/schools?q=${Date.now()}`);
    await expectTroublePage(other, `${origin}${CAREER}?q=${Date.now()}`);
    await other.close();
    const health = await fetch(`${origin}/api/health`);
    expect(health.status).toBe(503);

    // The open form says the request was not sent, and keeps what was typed.
    await page.getByRole("button", { name: "Send my request" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "your request was not sent" })).toContainText("Please try again in a moment.");
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue(student.email);

    // The same form without JavaScript gets a page that says so too, not a bare crash.
    const body = leadFormBody(hidden, uniqueStudent("outage.example"));
    const noJs = await fetch(`${origin}/programs/${VALLEY_SLUG}/request-info`, { method: "POST", body, redirect: "manual", headers: { origin } });
    expect(await noJs.text()).toMatch(/your request was not sent|We(&#x27;|')re having trouble right now/);

    await new Promise((r) => setTimeout(r, Math.max(0, outageEnds - Date.now())));
    relay.up();

    // No restart: the same server serves the same pages again, and the worker sends the emails
    // that were waiting (nothing else nudges it until the next submission).
    await expect(async () => {
      const response = await page.goto(`${origin}/schools?q=coding`);
      expect(response?.status()).toBe(200);
    }).toPass({ timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1, name: TROUBLE_HEADING })).toBeHidden();
    await expect.poll(() => delivered(fake, early.email), { timeout: 30_000 }).toEqual({ school: 1, student: 1 });
    const careerPage = await page.goto(`${origin}${CAREER}`);
    expect(careerPage?.status()).toBe(200);

    // The student sends the request again, and it goes through and out.
    await page.goto(`${origin}/programs/${VALLEY_SLUG}/request-info`);
    await fillLeadForm(page, student, { campus: "Van Nuys (main campus)" });
    await page.getByRole("button", { name: "Send my request" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Thank you, ${student.firstName}: your request is on its way`);
    await expect.poll(() => delivered(fake, student.email), { timeout: 30_000 }).toEqual({ school: 1, student: 1 });
    // Nothing was stored for the submissions the outage refused.
    const [row] = await sql`select count(*)::int as n from lead_requests where email = ${student.email}`;
    expect(row?.n).toBe(1);
  } finally {
    await app.kill("SIGTERM");
    await sql.end({ timeout: 5 });
    await relay.close();
    await fake.close();
  }
});
