/**
 * A server killed (SIGKILL, no chance to clean up) while Request Info submissions stream in, then
 * started again. This spec runs a `next start` of its own from the suite's build, on a database of
 * its own, with its own fake email provider; it needs Postgres (DATABASE_URL), as CI has.
 */
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { startFakeResend } from "./support/fake-resend.mjs";
import { drainOutbox, faultAppEnv, faultPorts, freshDatabase, postLead, scrapeLeadForm, uniqueStudent, VALLEY_INBOX, type PostOutcome } from "./support/faults";
import { startNextApp } from "./support/next-app.mjs";

test.skip(!process.env.DATABASE_URL, "needs Postgres: set DATABASE_URL");

const DOMAIN = "crash.example";
const SUBMITTERS = 8;

test("a server killed mid-stream keeps every accepted lead, writes none by half, and sends each email once", async () => {
  test.setTimeout(240_000);
  const ports = faultPorts(0);
  const databaseUrl = await freshDatabase("crash");
  const fake = await startFakeResend({ port: ports.fake });
  // A claim taken by the killed server is picked up again after 5 s rather than the default 2 min.
  const env = faultAppEnv({ port: ports.app, databaseUrl, fakeUrl: fake.url, extra: { DELIVERY_LOCK_SECONDS: "5" } });
  const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  let app = startNextApp({ port: ports.app, env, output: process.env.FAULTS_SERVER_LOG ? "inherit" : "ignore" });
  try {
    await app.ready();
    const origin = `http://127.0.0.1:${ports.app}`;
    const hidden = await scrapeLeadForm(origin);

    const outcomes = new Map<string, PostOutcome>();
    let accepted = 0;
    let stop = false;
    let killed = false;
    let acceptedAfterRestart = 0;
    const submitters = Array.from({ length: SUBMITTERS }, async () => {
      while (!stop) {
        const student = uniqueStudent(DOMAIN);
        const outcome = await postLead(origin, hidden, student);
        outcomes.set(student.email, outcome);
        if (outcome === "accepted") {
          accepted++;
          if (killed) acceptedAfterRestart++;
        } else {
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    });

    // Kill once a stream is flowing (emails are being sent meanwhile, so some are mid-delivery).
    await expect.poll(() => accepted, { timeout: 60_000 }).toBeGreaterThanOrEqual(40);
    killed = true;
    await app.kill("SIGKILL");
    app = startNextApp({ port: ports.app, env, output: process.env.FAULTS_SERVER_LOG ? "inherit" : "ignore" });
    await app.ready();
    await expect.poll(() => acceptedAfterRestart, { timeout: 60_000 }).toBeGreaterThanOrEqual(16);
    stop = true;
    await Promise.all(submitters);

    const having = (wanted: PostOutcome) => [...outcomes].filter(([, o]) => o === wanted).map(([email]) => email);
    const acceptedEmails = having("accepted");
    const cut = having("cut");
    // The kill must have cut requests in flight, or the test proved nothing; a server that answered
    // never answered with an error.
    expect(cut.length).toBeGreaterThan(0);
    expect(having("refused")).toEqual([]);

    // Every accepted submission is stored.
    const stored = await sql<{ email: string }[]>`select email from lead_requests where email like ${`%@${DOMAIN}`}`;
    const storedEmails = new Set(stored.map((r) => r.email));
    expect(acceptedEmails.filter((e) => !storedEmails.has(e))).toEqual([]);

    // None is half-written: each stored request has its consent record, its lead, the school's
    // notification and the student's confirmation in the outbox.
    const incomplete = await sql`
      select r.email,
        (select count(*) from consent_records c where c.request_id = r.id)::int as consents,
        (select count(*) from leads l where l.request_id = r.id)::int as leads,
        (select count(*) from email_outbox o join leads l on l.id = o.lead_id where l.request_id = r.id and o.kind = 'lead_notification')::int as notifications,
        (select count(*) from email_outbox o where o.kind = 'student_confirmation' and r.email = any(o.to_addresses))::int as confirmations
      from lead_requests r where r.email like ${`%@${DOMAIN}`}`;
    expect(incomplete.filter((r) => r.consents !== 1 || r.leads !== 1 || r.notifications !== 1 || r.confirmations !== 1)).toEqual([]);

    // After the restart every email goes out, each exactly once at the provider: one confirmation
    // to each student and one notification to the school naming them.
    const outbox = await drainOutbox(sql, 90_000);
    expect(outbox.failed ?? 0).toBe(0);
    const mine = fake.emails.filter((e) => JSON.stringify(e.payload).includes(`@${DOMAIN}`));
    const confirmations = new Map<string, number>();
    const notifications = new Map<string, number>();
    for (const e of mine) {
      const to = e.payload.to[0] ?? "";
      if (to.endsWith(`@${DOMAIN}`)) confirmations.set(to, (confirmations.get(to) ?? 0) + 1);
      else if (to === VALLEY_INBOX) {
        const student = new RegExp(`s\\d+\\.[0-9a-f]{8}@${DOMAIN.replace(".", "\\.")}`).exec(e.payload.text)?.[0] ?? "?";
        notifications.set(student, (notifications.get(student) ?? 0) + 1);
      }
    }
    for (const email of storedEmails) {
      expect.soft(confirmations.get(email), `confirmation to ${email}`).toBe(1);
      expect.soft(notifications.get(email), `school notification for ${email}`).toBe(1);
    }
    expect(mine.length).toBe(storedEmails.size * 2);
    const retriedWithSameKey = fake.emails.filter((e) => e.attempts > 1).length;
    const summary = `${acceptedEmails.length} accepted, ${cut.length} cut in flight by the kill (${cut.filter((e) => storedEmails.has(e)).length} of those stored anyway), ${having("unreachable").length} refused while down, ${mine.length} emails delivered, ${retriedWithSameKey} resent with the same Idempotency-Key`;
    test.info().annotations.push({ type: "crash", description: summary });
    console.log(`crash: ${summary}`);
  } finally {
    await app.kill("SIGTERM");
    await sql.end({ timeout: 5 });
    await fake.close();
  }
});
