import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/db/client";
import { emailOutbox, leadRequests, leads, programs, schools } from "@/db/schema";
import { seedLeadRecipients } from "@/db/seed/recipients";
import { seedSchools } from "@/db/seed/schools";
import { queryRows, testDatabases } from "@/lib/testing/db";
import { validForm } from "@/lib/testing/lead-form";
import { submitLeadRequest } from "./submit";

/**
 * A Request Info transaction that Postgres ends to break a deadlock runs again, and the student's
 * request is stored once. Postgres only: it takes a second session holding locks against the first.
 */
const postgresOnly = testDatabases().filter((d) => d.name === "postgres");

describe.skipIf(postgresOnly.length === 0).each(postgresOnly)("a deadlocked lead submission on $name", (target) => {
  let handle: DbHandle;
  /** The app's side: a pool opened after the database's deadlock_timeout was set. */
  let submissions: DbHandle;
  let other: postgres.Sql;
  let programId: number;
  let schoolId: number;

  beforeAll(async () => {
    handle = await target.open();
    await seedSchools(handle.db);
    await seedLeadRecipients(handle.db);
    const [row] = await handle.db
      .select({ id: programs.id, schoolId: programs.schoolId })
      .from(programs)
      .innerJoin(schools, eq(schools.id, programs.schoolId))
      .where(eq(schools.slug, "summit-ridge-career-institute"));
    programId = row!.id;
    schoolId = row!.schoolId;
    // Sessions opened from here on (the submissions' and the other one) on the same cloned database.
    // Postgres looks for a deadlock once per lock wait, this long after the wait starts: long
    // enough for the test to close the cycle first on a busy machine.
    const [current] = (await queryRows(handle.db, "select current_database() as name")) as { name: string }[];
    await queryRows(handle.db, `alter database "${current!.name}" set deadlock_timeout = '5s'`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${current!.name}`;
    submissions = await openDb({ url: url.toString(), max: 2 });
    other = postgres(url.toString(), { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await other?.end({ timeout: 5 });
    await submissions?.close();
    await handle?.close();
  });

  it("does not wait for another open transaction that changed a lead of the same day and source", async () => {
    const now = new Date();
    const day = now.toISOString().slice(0, 10);
    const source = "open-transaction-test";
    const submit = (ip: string) =>
      submitLeadRequest(validForm(programId, { attribution: { utm_source: source } }), { ip, userAgent: "vitest", pageUrl: null, now }, submissions.db);
    const first = await submit("10.9.9.1");
    expect(first.ok).toBe(true);
    const [lead] = await other`select l.id from leads l where l.request_id = ${first.data!.requestId}`;

    const session = await other.reserve();
    try {
      await session`begin`;
      // An operator's change to that lead, not yet committed. Its rollup rows are only written (and
      // locked) when it commits, so the next submission of the day goes through meanwhile; with the
      // rollups applied at the statement, it would wait here until this transaction ended.
      await session`update leads set duplicate_of_id = duplicate_of_id where id = ${lead!.id}`;
      const second = await submit("10.9.9.2");
      expect(second.ok).toBe(true);
      await session`commit`;
    } finally {
      session.release();
    }
    const [counted] = await other`select leads from ops_leads_by_source_daily where day = ${day} and source = ${source}`;
    expect(counted!.leads).toBe(2);
  });

  it("is run again when Postgres ends it, and stored, emailed and counted once", async () => {
    const now = new Date();
    const day = now.toISOString().slice(0, 10);
    const source = "deadlock-test";
    const form = validForm(programId, { attribution: { utm_source: source } });
    // The day's row for this source exists; the other session will hold it.
    await other`insert into ops_leads_by_source_daily (day, source, leads, duplicates) values (${day}, ${source}, 0, 0) on conflict do nothing`;

    const session = await other.reserve();
    let firstAttemptEnded = false;
    try {
      await session`begin`;
      // This session never runs the deadlock check itself: the submission's does, and is ended.
      await session`set local deadlock_timeout = '60s'`;
      const [before] = await other`select deadlocks::int as n from pg_stat_database where datname = current_database()`;
      await session`update ops_leads_by_source_daily set leads = leads where day = ${day} and source = ${source}`;

      const submitted = submitLeadRequest(form, { ip: "10.9.9.9", userAgent: "vitest", pageUrl: null, now }, submissions.db);
      // The submission's commit waits for that row (the rollups are applied at commit) while it
      // holds its advisory lock on the school and the student's email.
      await expect
        .poll(
          async () => {
            const [waiting] = await other`select count(*)::int as n from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'transactionid'`;
            return waiting!.n;
          },
          { timeout: 15_000 },
        )
        .toBe(1);
      // Now this session waits for that advisory lock: a cycle. Postgres ends the submission's
      // transaction, which releases the lock, so this statement returns.
      await session`select pg_advisory_xact_lock(hashtextextended(${`lead:${schoolId}:e:${form.email}`}, 0))`;
      firstAttemptEnded = true;
      await session`rollback`;

      const result = await submitted;
      expect(result).toMatchObject({ ok: true, data: { replayed: false } });
      // Postgres counted the deadlock it broke (the statistics reach the view within a second or so).
      await expect
        .poll(async () => {
          const [after] = await other`select deadlocks::int as n from pg_stat_database where datname = current_database()`;
          return after!.n - before!.n;
        }, { timeout: 15_000 })
        .toBe(1);
    } finally {
      session.release();
    }
    expect(firstAttemptEnded).toBe(true);

    const requests = await handle.db.select({ id: leadRequests.id }).from(leadRequests).where(eq(leadRequests.email, form.email));
    expect(requests).toHaveLength(1);
    const stored = await handle.db.select({ id: leads.id }).from(leads).where(eq(leads.requestId, requests[0]!.id));
    expect(stored).toHaveLength(1);
    const queued = await handle.db.select({ kind: emailOutbox.kind }).from(emailOutbox).where(eq(emailOutbox.leadId, stored[0]!.id));
    expect(queued.map((q) => q.kind)).toEqual(["lead_notification"]);
    const [counted] = await other`select leads from ops_leads_by_source_daily where day = ${day} and source = ${source}`;
    expect(counted!.leads).toBe(1);
  });
});
