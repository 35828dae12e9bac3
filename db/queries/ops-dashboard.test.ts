import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "../client";
import { queryRows as query, testDatabases } from "@/lib/testing/db";
import { generateLeadData } from "@/lib/testing/ops-leads";
import {
  getDeliveryStats,
  getLeadSummary,
  getLeadVolumeSeries,
  getLeadsByProgramArea,
  getLeadsBySchool,
  getLeadsBySource,
  getLeadsByState,
  getRejectionSummary,
  periodsIn,
  rebuildLeadRollups,
  type DateRange,
} from "./ops-dashboard";

const n = (v: unknown) => Number(v);

const END = new Date("2025-06-01T00:00:00Z");
// 40 days of data; the range is a 30-day window inside it, so rows on both sides are left out.
const RANGE: DateRange = { from: new Date("2025-04-20T00:00:00Z"), to: new Date("2025-05-20T00:00:00Z") };
const WHERE = `l.created_at >= '2025-04-20T00:00:00Z' and l.created_at < '2025-05-20T00:00:00Z'`;

describe.each(testDatabases())("operator dashboard figures on $name", ({ open }) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    await generateLeadData(db, { schools: 60, leads: 4000, days: 40, end: END, rejections: 700 });
    // An edge: a lead exactly at the start of the range counts, one exactly at its end does not.
    await query(db, `update leads set created_at = '2025-04-20T00:00:00Z' where id = md5('lead1')::uuid`);
    await query(db, `update leads set created_at = '2025-05-20T00:00:00Z' where id = md5('lead2')::uuid`);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("generated enough leads on both sides of the range for the comparison to mean something", async () => {
    const [inside] = await query(db, `select count(*) c from leads l where ${WHERE}`);
    const [all] = await query(db, `select count(*) c from leads l`);
    expect(n(inside?.c)).toBeGreaterThan(2000);
    expect(n(all?.c) - n(inside?.c)).toBeGreaterThan(500);
  });

  it("summary equals direct counts", async () => {
    const [expected] = await query(
      db,
      `select count(*) leads, count(duplicate_of_id) duplicates from leads l where ${WHERE}`,
    );
    const summary = await getLeadSummary(RANGE, db);
    expect(summary).toEqual({
      leads: n(expected?.leads),
      duplicates: n(expected?.duplicates),
    });
    expect(summary.duplicates).toBeGreaterThan(0);
  });

  it("daily, weekly and monthly series equal per-period counts, with empty periods as zero", async () => {
    for (const unit of ["day", "week", "month"] as const) {
      const rows = await query(
        db,
        `select to_char(date_trunc('${unit}', l.created_at at time zone 'UTC'), 'YYYY-MM-DD') p, count(*) c,
           count(duplicate_of_id) d from leads l where ${WHERE} group by 1`,
      );
      const expected = new Map(rows.map((r) => [String(r.p), { leads: n(r.c), duplicates: n(r.d) }]));
      const series = await getLeadVolumeSeries(RANGE, unit, db);
      expect(series.map((p) => p.period)).toEqual(periodsIn(RANGE, unit));
      for (const point of series) {
        expect({ period: point.period, ...(expected.get(point.period) ?? { leads: 0, duplicates: 0 }) }).toEqual(point);
      }
      const sum = series.reduce((s, p) => s + p.leads, 0);
      expect(sum).toBe((await getLeadSummary(RANGE, db)).leads);
    }
    expect((await getLeadVolumeSeries(RANGE, "day", db)).length).toBe(30);
  });

  it("a range with no leads is a row of zeros", async () => {
    const empty = { from: new Date("2020-01-01T00:00:00Z"), to: new Date("2020-01-08T00:00:00Z") };
    const series = await getLeadVolumeSeries(empty, "day", db);
    expect(series).toHaveLength(7);
    expect(series.every((p) => p.leads === 0)).toBe(true);
    expect((await getLeadSummary(empty, db)).leads).toBe(0);
    expect((await getDeliveryStats(empty, db)).medianSeconds).toBeNull();
  });

  it("per-school figures equal direct counts, biggest first", async () => {
    const rows = await query(
      db,
      `select s.id, s.name, count(*) c, count(l.duplicate_of_id) d from leads l join schools s on s.id = l.school_id
       where ${WHERE} group by s.id, s.name order by count(*) desc, s.id limit 10`,
    );
    const got = await getLeadsBySchool(RANGE, 10, db);
    expect(got.rows).toEqual(rows.map((r) => ({ key: String(r.id), label: r.name, leads: n(r.c), duplicates: n(r.d) })));
    const [schoolCount] = await query(db, `select count(distinct school_id) c from leads l where ${WHERE}`);
    expect(got.schoolsWithLeads).toBe(n(schoolCount?.c));
    // Ranges that start and end mid-week, and one shorter than a week, add up the same way.
    for (const [from, to] of [["2025-04-23", "2025-05-17"], ["2025-05-01", "2025-05-04"], ["2025-04-21", "2025-05-19"]]) {
      const r = { from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) };
      const all = await getLeadsBySchool(r, 1000, db);
      const direct = await query(db, `select school_id, count(*) c from leads l where l.created_at >= '${from}T00:00:00Z'
        and l.created_at < '${to}T00:00:00Z' group by 1`);
      expect(Object.fromEntries(all.rows.map((x) => [x.key, x.leads]))).toEqual(
        Object.fromEntries(direct.map((x) => [String(x.school_id), n(x.c)])),
      );
    }
  });

  it("per-program-area figures equal direct counts and add up to the total", async () => {
    const rows = await query(
      db,
      `select a.slug, count(*) c, count(l.duplicate_of_id) d from leads l join programs p on p.id = l.program_id
       join program_areas a on a.id = p.program_area_id where ${WHERE} group by a.slug`,
    );
    const got = await getLeadsByProgramArea(RANGE, db);
    expect(Object.fromEntries(got.map((r) => [r.key, [r.leads, r.duplicates]]))).toEqual(
      Object.fromEntries(rows.map((r) => [String(r.slug), [n(r.c), n(r.d)]])),
    );
    expect(got.reduce((s, r) => s + r.leads, 0)).toBe((await getLeadSummary(RANGE, db)).leads);
  });

  it("per-state figures equal direct counts, with leads of no known state as Unknown", async () => {
    const rows = await query(
      db,
      `select coalesce(r.state, 'Unknown') s, count(*) c, count(l.duplicate_of_id) d from leads l
       join lead_requests r on r.id = l.request_id where ${WHERE} group by 1`,
    );
    const got = await getLeadsByState(RANGE, db);
    expect(Object.fromEntries(got.map((r) => [r.key, [r.leads, r.duplicates]]))).toEqual(
      Object.fromEntries(rows.map((r) => [String(r.s), [n(r.c), n(r.d)]])),
    );
    expect(got.some((r) => r.key === "Unknown")).toBe(true);
    expect(got.some((r) => r.duplicates > 0)).toBe(true);
  });

  it("per-source figures equal direct counts of utm_source", async () => {
    const rows = await query(
      db,
      `select coalesce(nullif(r.attribution->>'utm_source', ''), '(none)') s, count(*) c, count(l.duplicate_of_id) d
       from leads l join lead_requests r on r.id = l.request_id where ${WHERE} group by 1`,
    );
    const got = await getLeadsBySource(RANGE, db);
    expect(Object.fromEntries(got.map((r) => [r.key, [r.leads, r.duplicates]]))).toEqual(
      Object.fromEntries(rows.map((r) => [String(r.s), [n(r.c), n(r.d)]])),
    );
    expect(got.map((r) => r.key)).toContain("(none)");
  });

  async function expectRejectionsMatch() {
    const rows = await query(
      db,
      `select reason, count(*) c from lead_rejections l where ${WHERE} group by 1`,
    );
    const got = await getRejectionSummary(RANGE, db);
    expect(Object.fromEntries(got.byReason.map((r) => [r.reason, r.rejections]))).toEqual(
      Object.fromEntries(rows.map((r) => [String(r.reason), n(r.c)])),
    );
    expect(got.rejected).toBe(rows.reduce((s, r) => s + n(r.c), 0));
    expect(got.byReason.map((r) => r.rejections)).toEqual([...got.byReason.map((r) => r.rejections)].sort((a, b) => b - a));
    return got;
  }

  it("rejected submissions per reason equal direct counts, inside the range only", async () => {
    const got = await expectRejectionsMatch();
    const [all] = await query(db, `select count(*) c, count(*) filter (where program_id is null) unknown from lead_rejections`);
    expect(got.rejected).toBeGreaterThan(300);
    expect(n(all?.c)).toBeGreaterThan(got.rejected);
    expect(n(all?.unknown)).toBeGreaterThan(0);
    expect(got.byReason).toHaveLength(6);
  });

  async function expectDeliveriesMatch() {
    const [expected] = await query(
      db,
      `select count(*) total, count(*) filter (where o.status = 'sent') sent, count(*) filter (where o.status = 'failed') failed,
         count(*) filter (where o.status in ('pending','sending')) waiting,
         percentile_disc(0.5) within group (order by floor(extract(epoch from o.sent_at - l.created_at))) filter (where o.status = 'sent') med,
         percentile_disc(0.9) within group (order by floor(extract(epoch from o.sent_at - l.created_at))) filter (where o.status = 'sent') p90,
         max(floor(extract(epoch from o.sent_at - l.created_at))) filter (where o.status = 'sent') mx
       from email_outbox o join leads l on l.id = o.lead_id where o.kind = 'lead_notification' and ${WHERE}`,
    );
    const got = await getDeliveryStats(RANGE, db);
    expect(got).toEqual({
      notifications: n(expected?.total),
      sent: n(expected?.sent),
      failed: n(expected?.failed),
      waiting: n(expected?.waiting),
      medianSeconds: n(expected?.med),
      p90Seconds: n(expected?.p90),
      maxSeconds: n(expected?.mx),
    });
    expect(got.sent + got.failed + got.waiting).toBe(got.notifications);
    return got;
  }

  it("delivery figures equal direct counts and percentiles over the outbox", async () => {
    const got = await expectDeliveriesMatch();
    expect(got.failed).toBeGreaterThan(0);
    expect(got.medianSeconds).toBeGreaterThan(0);
  });

  it("stays equal to the raw rows as leads and deliveries change", async () => {
    // A resend: failed notifications go back to pending, then out 42 seconds after submission.
    await query(db, `update email_outbox set status = 'pending', attempts = 0 where status = 'failed' and lead_id in
      (select id from leads l where ${WHERE} order by id limit 5)`);
    await query(db, `update email_outbox o set status = 'sent', sent_at = l.created_at + interval '42 seconds'
      from leads l where l.id = o.lead_id and o.status = 'pending' and ${WHERE}`);
    // A lead found to be a repeat after the fact; one moved to another program and school.
    await query(db, `update leads set duplicate_of_id = md5('lead3')::uuid where id = md5('lead4')::uuid`);
    await query(db, `update leads set program_id = (select id from programs where slug = 'gen-p-1'),
      school_id = (select school_id from programs where slug = 'gen-p-1') where id = md5('lead5')::uuid`);
    // A lead moved out of the range, with its notification.
    await query(db, `update leads set created_at = '2025-05-25T00:00:00Z' where id = md5('lead6')::uuid`);
    // A brand-new lead of a new request with its own state and source.
    await query(db, `insert into lead_requests (id, idempotency_key, first_name, last_name, email, phone_e164, zip, state,
      education_level, desired_start, attribution, created_at) values (md5('extra')::uuid, 'extra', 'A', 'B', 'a@example.com',
      '+15550000000', '00000', 'ZZ', 'x', 'y', '{"utm_source":"brand-new"}', '2025-05-01T12:00:00Z')`);
    await query(db, `insert into leads (id, request_id, school_id, program_id, created_at) select md5('extra-lead')::uuid,
      md5('extra')::uuid, school_id, id, '2025-05-01T12:00:00Z' from programs where slug = 'gen-p-2'`);
    // A deletion request scrubs a request's state and attribution: its leads become Unknown / (none).
    await query(db, `update lead_requests set state = null, attribution = '{}' where id = (select request_id from leads l
      join lead_requests r on r.id = l.request_id where r.state is not null and r.attribution ? 'utm_source' and ${WHERE} limit 1)`);
    const sources = await query(db, `select coalesce(nullif(r.attribution->>'utm_source', ''), '(none)') s, count(*) c
      from leads l join lead_requests r on r.id = l.request_id where ${WHERE} group by 1`);
    const states = await query(db, `select coalesce(r.state, 'Unknown') s, count(*) c
      from leads l join lead_requests r on r.id = l.request_id where ${WHERE} group by 1`);
    const bySource = await getLeadsBySource(RANGE, db);
    expect(Object.fromEntries(bySource.map((r) => [r.key, r.leads]))).toEqual(Object.fromEntries(sources.map((r) => [String(r.s), n(r.c)])));
    expect(Object.fromEntries((await getLeadsByState(RANGE, db)).map((r) => [r.key, r.leads]))).toEqual(
      Object.fromEntries(states.map((r) => [String(r.s), n(r.c)])),
    );
    expect(bySource.find((r) => r.key === "brand-new")?.leads).toBe(1);
    expect((await getLeadsByState(RANGE, db)).find((r) => r.key === "ZZ")?.leads).toBe(1);
    const [direct] = await query(db, `select count(*) c, count(duplicate_of_id) d from leads l where ${WHERE}`);
    expect(await getLeadSummary(RANGE, db)).toMatchObject({ leads: n(direct?.c), duplicates: n(direct?.d) });
    const areas = await getLeadsByProgramArea(RANGE, db);
    expect(areas.reduce((s, r) => s + r.leads, 0)).toBe(n(direct?.c));
    const { rows: schoolsNow } = await getLeadsBySchool(RANGE, 1000, db);
    const perSchool = await query(db, `select school_id, count(*) c from leads l where ${WHERE} group by 1`);
    expect(Object.fromEntries(schoolsNow.map((r) => [r.key, r.leads]))).toEqual(
      Object.fromEntries(perSchool.map((r) => [String(r.school_id), n(r.c)])),
    );
    await expectDeliveriesMatch();
    // Rejections deleted, one moved out of the range, one into it under a new reason.
    await query(db, `delete from lead_rejections where id in (select id from lead_rejections l where ${WHERE} order by id limit 7)`);
    await query(db, `update lead_rejections set created_at = '2025-05-20T00:00:00Z' where id = (select min(id) from lead_rejections l where ${WHERE})`);
    await query(db, `update lead_rejections set created_at = '2025-04-20T00:00:00Z', reason = 'brand_new'
      where id = (select min(id) from lead_rejections l where not (${WHERE}))`);
    expect((await expectRejectionsMatch()).byReason.find((r) => r.reason === "brand_new")?.rejections).toBe(1);
  });

  it("counts a lead under its request's final state and source when one transaction writes the lead and then changes them", async () => {
    await db.transaction(async (tx) => {
      await query(tx, `insert into lead_requests (id, idempotency_key, first_name, last_name, email, phone_e164, zip, state,
        education_level, desired_start, attribution, created_at) values (md5('in-tx')::uuid, 'in-tx', 'A', 'B', 'b@example.com',
        '+15550000001', '00000', 'YY', 'x', 'y', '{"utm_source":"tx-before"}', '2025-05-02T12:00:00Z')`);
      await query(tx, `insert into leads (id, request_id, school_id, program_id, created_at) select md5('in-tx-lead')::uuid,
        md5('in-tx')::uuid, school_id, id, '2025-05-02T12:00:00Z' from programs where slug = 'gen-p-3'`);
      await query(tx, `update lead_requests set state = 'XX', attribution = '{"utm_source":"tx-after"}' where id = md5('in-tx')::uuid`);
    });
    const byState = Object.fromEntries((await getLeadsByState(RANGE, db)).map((r) => [r.key, r.leads]));
    const bySource = Object.fromEntries((await getLeadsBySource(RANGE, db)).map((r) => [r.key, r.leads]));
    expect([byState.XX, byState.YY ?? 0, bySource["tx-after"], bySource["tx-before"] ?? 0]).toEqual([1, 0, 1, 0]);
    const states = await query(db, `select coalesce(r.state, 'Unknown') s, count(*) c
      from leads l join lead_requests r on r.id = l.request_id where ${WHERE} group by 1`);
    expect(byState).toEqual(Object.fromEntries(states.map((r) => [String(r.s), n(r.c)])));
  });

  it("a rebuild from the raw rows gives the same figures as the triggers kept", async () => {
    const before = await Promise.all([
      getLeadSummary(RANGE, db),
      getLeadsBySchool(RANGE, 1000, db),
      getLeadsByProgramArea(RANGE, db),
      getLeadsByState(RANGE, db),
      getLeadsBySource(RANGE, db),
      getDeliveryStats(RANGE, db),
      getRejectionSummary(RANGE, db),
    ]);
    await rebuildLeadRollups(db);
    const after = await Promise.all([
      getLeadSummary(RANGE, db),
      getLeadsBySchool(RANGE, 1000, db),
      getLeadsByProgramArea(RANGE, db),
      getLeadsByState(RANGE, db),
      getLeadsBySource(RANGE, db),
      getDeliveryStats(RANGE, db),
      getRejectionSummary(RANGE, db),
    ]);
    expect(after).toEqual(before);
  });
});
