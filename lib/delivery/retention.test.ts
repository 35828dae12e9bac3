import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { setRetentionMonths } from "@/db/queries/ops-privacy";
import { auditEvents, leadRequests, opsSettings } from "@/db/schema";
import { testDatabases } from "@/lib/testing/db";
import { insertLeadRequest } from "@/lib/testing/lead-request";
import { RETENTION_CHECK_EVERY_MS, RETENTION_SCRUB_EVERY_MS, retentionTick, runScheduledRetentionScrub } from "./retention";

const HOUR = 3600 * 1000;


const scrubbedAt = async (db: Db, id: string) =>
  (await db.select({ at: leadRequests.scrubbedAt, email: leadRequests.email }).from(leadRequests).where(eq(leadRequests.id, id)))[0];

describe.each(testDatabases())("scheduled retention scrub on $name", ({ open }) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await open();
    db = handle.db;
  });
  afterAll(async () => handle?.close());

  it("runs once a day across servers, with the retention setting read at each run", async () => {
    const start = new Date("2035-03-10T04:00:00Z");
    const old = await insertLeadRequest(db, new Date("2032-01-01T00:00:00Z"));
    const twoMonths = await insertLeadRequest(db, new Date("2035-01-05T00:00:00Z"));

    // Default retention (24 months): the old request goes, the recent one stays.
    expect(await runScheduledRetentionScrub(db, start)).toEqual({ ran: true, months: 24, scrubbed: 1 });
    expect((await scrubbedAt(db, old))?.at).toEqual(start);
    expect((await scrubbedAt(db, twoMonths))?.at).toBeNull();

    // Within the day: not again, on this server or another.
    expect(await runScheduledRetentionScrub(db, new Date(start.getTime() + 23 * HOUR))).toEqual({ ran: false });

    // A day later two servers ask at once: exactly one runs, with the setting as it is now.
    await setRetentionMonths(1, null, db);
    const next = new Date(start.getTime() + RETENTION_SCRUB_EVERY_MS + HOUR);
    const both = await Promise.all([runScheduledRetentionScrub(db, next), runScheduledRetentionScrub(db, next)]);
    expect(both.filter((r) => r.ran)).toEqual([{ ran: true, months: 1, scrubbed: 1 }]);
    expect((await scrubbedAt(db, twoMonths))?.at).toEqual(next);
    const runs = await db.select().from(auditEvents).where(eq(auditEvents.action, "lead_requests.retention_scrub"));
    expect(runs.map((r) => r.metadata)).toEqual([{ months: 24, scrubbed: 1 }, { months: 1, scrubbed: 1 }]);
  });

  it("the worker's tick asks the database at most once an hour per process", async () => {
    const t = new Date("2036-01-01T00:00:00Z");
    delete (globalThis as { __schoolLeadsRetentionCheck?: unknown }).__schoolLeadsRetentionCheck;
    await setRetentionMonths(24, null, db);
    expect((await retentionTick(db, t)).ran).toBe(true);
    // The claim is made stale (as if a day had passed), but this process waits for its next hourly check.
    await db.update(opsSettings).set({ updatedAt: new Date("2000-01-01T00:00:00Z") }).where(eq(opsSettings.key, "retention_scrub_last_run"));
    expect((await retentionTick(db, new Date(t.getTime() + 60_000))).ran).toBe(false);
    expect((await retentionTick(db, new Date(t.getTime() + RETENTION_CHECK_EVERY_MS))).ran).toBe(true);
  });
});
