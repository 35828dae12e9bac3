import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../client";
import { leads, programCampuses, programs, schools, users } from "../schema";
import { seed } from "../seed";
import { capPeriods, reachedUntil } from "./lead-caps";
import { getRequestInfoContext } from "./leads";
import { updateProgram, getSchoolProgram } from "./portal-programs";
import { getListedProgramBySlug, searchDirectory } from "./programs";
import { PROGRAM_CAPPED_MESSAGE, submitLeadRequest } from "@/lib/leads/submit";
import { validForm } from "@/lib/testing/lead-form";
import { programSchema } from "@/lib/validations/program";
import { testDatabases } from "@/lib/testing/db";

describe("cap periods", () => {
  it("are the UTC day and month, and a reached cap lasts to the end of its period", () => {
    const now = new Date("2026-12-31T23:30:00Z");
    expect(capPeriods(now)).toEqual({
      dayStart: new Date("2026-12-31T00:00:00Z"),
      dayEnd: new Date("2027-01-01T00:00:00Z"),
      monthStart: new Date("2026-12-01T00:00:00Z"),
      monthEnd: new Date("2027-01-01T00:00:00Z"),
    });
    const mid = new Date("2026-03-10T12:00:00Z");
    expect(reachedUntil({ dailyLeadCap: 3, monthlyLeadCap: null, today: 2, thisMonth: 40 }, mid)).toBeNull();
    expect(reachedUntil({ dailyLeadCap: 3, monthlyLeadCap: null, today: 3, thisMonth: 40 }, mid)).toEqual(new Date("2026-03-11T00:00:00Z"));
    expect(reachedUntil({ dailyLeadCap: 3, monthlyLeadCap: 40, today: 3, thisMonth: 40 }, mid)).toEqual(new Date("2026-04-01T00:00:00Z"));
    expect(reachedUntil({ dailyLeadCap: null, monthlyLeadCap: 40, today: 0, thisMonth: 39 }, mid)).toBeNull();
  });
});

let seq = 0;
/** A valid submission by a new person for a program with at most one campus. */
const form = (programId: number, overrides: Record<string, unknown> = {}) => validForm(programId, { zip: "90012", attribution: {}, ...overrides });
const meta = () => ({ ip: `10.77.${seq++ % 250}.${Math.floor(Math.random() * 250)}`, userAgent: "vitest", pageUrl: null });

describe.each(testDatabases())("lead caps on $name", ({ open }) => {
  let handle: DbHandle;
  /** Listed programs with at most one campus, each test takes its own. */
  let pool: { id: number; slug: string; schoolId: number; title: string; programAreaId: number }[];
  const take = () => pool.shift()!;

  beforeAll(async () => {
    handle = await open();
    await seed(handle.db);
    pool = await handle.db
      .select({ id: programs.id, slug: programs.slug, schoolId: programs.schoolId, title: programs.title, programAreaId: programs.programAreaId })
      .from(programs)
      .innerJoin(schools, eq(schools.id, programs.schoolId))
      .where(
        and(
          eq(programs.status, "active"),
          eq(schools.status, "active"),
          isNull(programs.dailyLeadCap),
          isNull(programs.monthlyLeadCap),
          sql`(select count(*) from ${programCampuses} where ${programCampuses.programId} = ${programs.id}) <= 1`,
        ),
      )
      .orderBy(programs.id);
    expect(pool.length).toBeGreaterThan(6);
  });
  afterAll(async () => handle?.close());

  const setCaps = (id: number, daily: number | null, monthly: number | null) =>
    handle.db.update(programs).set({ dailyLeadCap: daily, monthlyLeadCap: monthly }).where(eq(programs.id, id));
  const leadCount = async (id: number) => (await handle.db.select({ id: leads.id }).from(leads).where(eq(leads.programId, id))).length;

  it("takes leads up to the daily cap, then refuses with a clear message and stores nothing", async () => {
    const p = take();
    await setCaps(p.id, 2, null);
    const first = await submitLeadRequest(form(p.id), meta(), handle.db);
    expect(first).toMatchObject({ ok: true, data: { capsReached: [] } });
    const second = await submitLeadRequest(form(p.id), meta(), handle.db);
    expect(second).toMatchObject({ ok: true, data: { capsReached: [p.id] } });

    const third = await submitLeadRequest(form(p.id), meta(), handle.db);
    expect(third).toMatchObject({ ok: false, message: PROGRAM_CAPPED_MESSAGE });
    expect(await leadCount(p.id)).toBe(2);

    // The ad, the program page and the form all know, from the program row.
    const [row] = await handle.db.select({ until: programs.leadCapReachedUntil }).from(programs).where(eq(programs.id, p.id));
    expect(row!.until).toEqual(capPeriods(new Date()).dayEnd);
    expect((await getRequestInfoContext({ id: p.id }, handle.db))!.program.capped).toBe(true);
    const directory = await searchDirectory({ q: p.title, limit: 50, offset: 0 }, handle.db);
    expect(directory.items.find((i) => i.id === p.id)?.capped).toBe(true);
    expect(directory.items.filter((i) => i.id !== p.id).every((i) => !i.capped)).toBe(true);
  });

  it("lets only one of two simultaneous requests at cap - 1 land", async () => {
    const p = take();
    await setCaps(p.id, null, 3);
    for (let i = 0; i < 2; i++) expect((await submitLeadRequest(form(p.id), meta(), handle.db)).ok).toBe(true);
    const results = await Promise.all([
      submitLeadRequest(form(p.id), meta(), handle.db),
      submitLeadRequest(form(p.id), meta(), handle.db),
      submitLeadRequest(form(p.id), meta(), handle.db),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.message)).toEqual([PROGRAM_CAPPED_MESSAGE, PROGRAM_CAPPED_MESSAGE]);
    expect(await leadCount(p.id)).toBe(3);
    const [row] = await handle.db.select({ until: programs.leadCapReachedUntil }).from(programs).where(eq(programs.id, p.id));
    expect(row!.until).toEqual(capPeriods(new Date()).monthEnd);
  });

  it("does not count a repeat request from the same person, nor last month's leads", async () => {
    const p = take();
    await setCaps(p.id, null, 2);
    const person = form(p.id);
    expect((await submitLeadRequest(person, meta(), handle.db)).ok).toBe(true);
    const repeat = await submitLeadRequest(form(p.id, { email: person.email, phone: person.phone }), meta(), handle.db);
    expect(repeat).toMatchObject({ ok: true, data: { capsReached: [] } });
    // Move that lead to last month: this month starts again at zero.
    const lastMonth = new Date(capPeriods(new Date()).monthStart.getTime() - 3_600_000);
    await handle.db.update(leads).set({ createdAt: lastMonth }).where(eq(leads.programId, p.id));
    expect((await submitLeadRequest(form(p.id), meta(), handle.db))).toMatchObject({ ok: true, data: { capsReached: [] } });
    expect((await submitLeadRequest(form(p.id), meta(), handle.db))).toMatchObject({ ok: true, data: { capsReached: [p.id] } });
    expect((await submitLeadRequest(form(p.id), meta(), handle.db)).ok).toBe(false);
  });

  it("takes requests again at once when the school raises the cap, and stops when it lowers it", async () => {
    const [school] = await handle.db.select({ id: schools.id }).from(schools).where(eq(schools.slug, "pacific-crest-college"));
    const [admin] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, "admin@pacific-crest.example"));
    const scope = { schoolId: school!.id, role: "admin" as const, userId: admin!.id, isOperator: false };
    const [p] = await handle.db.select({ id: programs.id, slug: programs.slug }).from(programs).where(eq(programs.schoolId, school!.id)).limit(1);
    const current = (await getSchoolProgram(scope, p!.id, handle.db))!;
    const input = (daily: string) =>
      programSchema.parse({
        title: current.title,
        programAreaId: String(current.programAreaId),
        credentialLevel: current.credentialLevel,
        delivery: current.delivery,
        lengthMonths: String(current.lengthMonths),
        description: current.description,
        highlights: current.highlights.join("\n"),
        websiteUrl: current.websiteUrl,
        campusIds: current.campusIds.map(String),
        dailyLeadCap: daily,
        monthlyLeadCap: "",
      });
    // The seeded demo leads are older than today: one lead today, then a cap of 1 is reached.
    const ctx = (await getRequestInfoContext({ id: p!.id }, handle.db))!;
    const campusId = ctx.program.campuses[0] ? String(ctx.program.campuses[0].id) : undefined;
    await updateProgram(scope, p!.id, input("1"), handle.db);
    expect((await getListedProgramBySlug(p!.slug, handle.db))?.capped).toBe(false);
    expect((await submitLeadRequest(form(p!.id, { campusId }), meta(), handle.db)).ok).toBe(true);
    expect((await getListedProgramBySlug(p!.slug, handle.db))?.capped).toBe(true);

    await updateProgram(scope, p!.id, input("5"), handle.db);
    expect((await getListedProgramBySlug(p!.slug, handle.db))?.capped).toBe(false);
    expect((await submitLeadRequest(form(p!.id, { campusId }), meta(), handle.db)).ok).toBe(true);

    await updateProgram(scope, p!.id, input("2"), handle.db);
    expect((await getRequestInfoContext({ id: p!.id }, handle.db))!.program.capped).toBe(true);
  });

  it("offers no capped program as an 'also send my request to' suggestion", async () => {
    const p = take();
    const others = await handle.db
      .select({ id: programs.id })
      .from(programs)
      .where(and(eq(programs.programAreaId, p.programAreaId), eq(programs.status, "active"), sql`${programs.schoolId} <> ${p.schoolId}`));
    const before = (await getRequestInfoContext({ id: p.id }, handle.db))!.suggestions.map((s) => s.id);
    expect(before.length).toBeGreaterThan(0);
    const victim = before[0]!;
    expect(others.map((o) => o.id)).toContain(victim);
    await handle.db.update(programs).set({ leadCapReachedUntil: capPeriods(new Date()).dayEnd }).where(eq(programs.id, victim));
    const after = (await getRequestInfoContext({ id: p.id }, handle.db))!.suggestions.map((s) => s.id);
    expect(after).not.toContain(victim);
    // A form that still ticks it (shown before the cap) is refused on that field, not sent without it.
    const refused = await submitLeadRequest(form(p.id, { alsoProgramIds: [String(victim)] }), meta(), handle.db);
    expect(refused.ok).toBe(false);
    expect(refused.fieldErrors.alsoProgramIds).toBeTruthy();
    await handle.db.update(programs).set({ leadCapReachedUntil: null }).where(eq(programs.id, victim));
  });
});
