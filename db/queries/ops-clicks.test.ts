import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db, DbHandle } from "../client";
import { queryRows as query, testDatabases, type Row } from "@/lib/testing/db";
import { generateLeadData } from "@/lib/testing/ops-leads";
import { clicksToLeadsByProgram, clicksToLeadsBySchool, rebuildClickLeadMonths, type ClickRange } from "./ops-clicks";

type Count = { id: number; clicks: number; leads: number };

const range = (from: string, to: string): ClickRange => ({ from: new Date(from), to: new Date(to) });

/** The yardstick: a straight count over the raw clicks and first leads, per program or school. */
async function straight(db: Db, r: ClickRange, by: "program" | "school"): Promise<Count[]> {
  const key = sql.raw(by === "program" ? "program_id" : "school_id");
  const from = r.from.toISOString();
  const to = r.to.toISOString();
  const rows = await query(
    db,
    sql`select k, sum(c) as c, sum(l) as l from (
        select ${key} as k, 1 as c, 0 as l from program_clicks where created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz
        union all
        select ${key}, 0, 1 from leads where created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz and duplicate_of_id is null
      ) x group by k order by k`,
  );
  return rows.map((row) => ({ id: Number(row.k), clicks: Number(row.c), leads: Number(row.l) }));
}

const byId = (rows: Count[]) => rows.map(({ id, clicks, leads }) => ({ id, clicks, leads })).sort((a, b) => a.id - b.id);
const ordered = (rows: Count[]) => rows.every((r, i) => i === 0 || rows[i - 1]!.clicks > r.clicks || (rows[i - 1]!.clicks === r.clicks && rows[i - 1]!.leads >= r.leads));

/** The running-count rows, in a fixed order (arrays as text, so two snapshots compare exactly). */
async function snapshot(db: Db): Promise<Row[]> {
  return query(
    db,
    `select month::text, series, clicks_before, leads_before, clicks::text, leads::text, is_last
     from ops_click_lead_months order by series, month`,
  );
}

const RANGES: [string, ClickRange][] = [
  ["whole days across months and a new year", range("2030-10-15T00:00:00Z", "2031-01-20T00:00:00Z")],
  ["partial first and last days", range("2030-11-03T13:45:10Z", "2031-01-07T08:00:00.500Z")],
  ["a partial first day only", range("2030-12-02T23:59:59.999Z", "2031-01-01T00:00:00Z")],
  ["part of a single day", range("2030-12-10T05:00:00Z", "2030-12-10T18:00:00Z")],
  ["one whole day", range("2030-12-10T00:00:00Z", "2030-12-11T00:00:00Z")],
  ["from a month's first day to the next month's", range("2030-11-01T00:00:00Z", "2030-12-01T00:00:00Z")],
  ["everything", range("2029-01-01T00:00:00Z", "2033-01-01T00:00:00Z")],
  ["a month with no generated data (one lone click)", range("2030-06-01T00:00:00Z", "2030-07-01T00:00:00Z")],
  ["from before the first click to inside the quiet months", range("2029-05-01T00:00:00Z", "2030-06-20T00:00:00Z")],
  ["from a quiet month to the middle of the data", range("2030-08-10T00:00:00Z", "2030-11-20T00:00:00Z")],
  ["after the last click", range("2032-03-01T00:00:00Z", "2032-04-01T00:00:00Z")],
  ["empty", range("2030-12-10T00:00:00Z", "2030-12-10T00:00:00Z")],
];

describe.each(testDatabases())("clicks to leads on $name", ({ open }) => {
  let handle: DbHandle;
  let db: Db;
  let lone: { programId: number; schoolId: number };

  async function expectStraightCounts() {
    for (const [name, r] of RANGES) {
      const [byProgram, bySchool] = [await clicksToLeadsByProgram(r, db), await clicksToLeadsBySchool(r, db)];
      expect(byId(byProgram), `${name}, by program`).toEqual(await straight(db, r, "program"));
      expect(byId(bySchool), `${name}, by school`).toEqual(await straight(db, r, "school"));
      expect(ordered(byProgram) && ordered(bySchool), `${name}, most clicks first`).toBe(true);
    }
  }

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    // 100 days of clicks and leads (some repeats) on 36 programs of 12 schools, up to 2031-01-20.
    await generateLeadData(db, { schools: 12, programsPerSchool: 3, leads: 500, clicks: 1500, days: 100, end: new Date("2031-01-20T00:00:00Z") });
    const [p] = await query(db, `select id, school_id from programs where slug = 'gen-p-5'`);
    lone = { programId: Number(p!.id), schoolId: Number(p!.school_id) };
    // Clicks written out of time order: one in a month without data, one long before the first, one long after the last.
    for (const at of ["2030-06-15T12:00:00Z", "2029-05-31T23:59:59Z", "2032-02-01T00:00:00Z", "2030-06-30T23:00:00Z"]) {
      await query(db, sql`insert into program_clicks (program_id, school_id, created_at) values (${lone.programId}, ${lone.schoolId}, ${at}::timestamptz)`);
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("has clicks and leads on many days, programs and schools, inside and outside the ranges", async () => {
    const [c] = await query(db, `select count(distinct (created_at at time zone 'UTC')::date) days, count(distinct program_id) programs, count(distinct school_id) schools from program_clicks`);
    expect(Number(c!.days)).toBeGreaterThan(90);
    expect(Number(c!.programs)).toBe(36);
    expect(Number(c!.schools)).toBe(12);
    const [l] = await query(db, `select count(*) filter (where duplicate_of_id is null) firsts, count(duplicate_of_id) repeats from leads`);
    expect(Number(l!.firsts)).toBeGreaterThan(300);
    expect(Number(l!.repeats)).toBeGreaterThan(10);
  });

  it("equals a straight count over the raw rows, with and without partial days", async () => {
    await expectStraightCounts();
    const lonely = await clicksToLeadsByProgram(range("2030-06-01T00:00:00Z", "2030-07-01T00:00:00Z"), db);
    expect(lonely).toEqual([expect.objectContaining({ id: lone.programId, clicks: 2, leads: 0 })]);
    expect(await clicksToLeadsBySchool(range("2032-03-01T00:00:00Z", "2032-04-01T00:00:00Z"), db)).toEqual([]);
  });

  it("keeps, click by click, what a rebuild from the raw rows computes", async () => {
    const kept = await snapshot(db);
    expect(kept.length).toBeGreaterThan(48);
    await rebuildClickLeadMonths(db);
    expect(await snapshot(db)).toEqual(kept);
  });

  it("counts a click made after the backfill once", async () => {
    await rebuildClickLeadMonths(db);
    const r = range("2031-01-19T00:00:00Z", "2031-01-20T00:00:00Z");
    const before = (await clicksToLeadsByProgram(r, db)).find((row) => row.id === lone.programId)?.clicks ?? 0;
    await query(db, sql`insert into program_clicks (program_id, school_id, created_at) values (${lone.programId}, ${lone.schoolId}, '2031-01-19T10:00:00Z')`);
    const after = (await clicksToLeadsByProgram(r, db)).find((row) => row.id === lone.programId)?.clicks;
    expect(after).toBe(before + 1);
    await expectStraightCounts();
  });

  it("follows deleted and moved clicks, and leads that turn out to be repeats", async () => {
    await query(db, `delete from program_clicks where id in (select id from program_clicks order by id limit 40)`);
    await query(db, `update program_clicks set created_at = created_at - interval '45 days' where id in (select id from program_clicks order by id desc limit 30)`);
    await query(db, `update program_clicks set program_id = (select id from programs where slug = 'gen-p-1') where id in (select id from program_clicks order by id limit 5)`);
    await query(db, `update leads set duplicate_of_id = md5('lead1')::uuid where id in (select id from leads where duplicate_of_id is null and id <> md5('lead1')::uuid order by id limit 25)`);
    await query(db, `update leads set created_at = created_at + interval '20 days' where id in (select id from leads order by id desc limit 25)`);
    await expectStraightCounts();
  });
});
