import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../client";
import { programs, schools } from "../schema";
import { seed } from "../seed";
import { getRequestInfoContext } from "./leads";
import { queryRows, testDatabases, type Db } from "@/lib/testing/db";

type Campus = { id: number; name: string; city: string; state: string; latitude: number; longitude: number };

/** The yardstick: the Request Info form's program and its suggestions, in plain SQL, one step at a time. */
async function expected(db: Db, programId: number) {
  const listed = `p.status = 'active' and s.status = 'active'`;
  const [asked] = await queryRows(
    db,
    `select p.id, p.program_area_id as area, p.school_id as school from programs p join schools s on s.id = p.school_id
     where ${listed} and p.id = ${programId}`,
  );
  if (!asked) return null;
  const campusesOf = async (id: number) =>
    (await queryRows(
      db,
      `select c.id, c.name, c.city, c.state, c.latitude, c.longitude from program_campuses pc join campuses c on c.id = pc.campus_id
       where pc.program_id = ${id} order by c.name, c.id`,
    )) as Campus[];
  const candidates = await queryRows(
    db,
    `select p.id, p.school_id from programs p join schools s on s.id = p.school_id
     where ${listed} and p.program_area_id = ${Number(asked.area)} and p.school_id <> ${Number(asked.school)}
       and not coalesce(p.lead_cap_reached_until > now(), false)
     order by p.sponsored_rank asc nulls last, p.title, p.id limit 20`,
  );
  const seen = new Set<number>();
  const picked = candidates.filter((c) => !seen.has(Number(c.school_id)) && seen.add(Number(c.school_id))).slice(0, 3);
  return {
    program: { id: programId, campuses: await campusesOf(programId) },
    suggestions: await Promise.all(picked.map(async (c) => ({ id: Number(c.id), campuses: await campusesOf(Number(c.id)) }))),
  };
}

describe.each(testDatabases())("the Request Info form's program and suggestions on $name", ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
    await seed(handle.db);
  });
  afterAll(async () => handle?.close());

  it("match a plain SQL reading for every program, by id and by slug", async () => {
    const all = await handle.db.select({ id: programs.id, slug: programs.slug }).from(programs).orderBy(programs.id);
    expect(all.length).toBeGreaterThan(10);
    let listed = 0;
    let withSuggestions = 0;
    for (const { id, slug } of all) {
      const want = await expected(handle.db, id);
      const got = await getRequestInfoContext({ id }, handle.db);
      if (!want) {
        expect(got, `program ${id} is not listed`).toBeNull();
        continue;
      }
      listed++;
      if (want.suggestions.length > 0) withSuggestions++;
      const shape = (p: { id: number; campuses: Campus[] }) => ({ id: p.id, campuses: p.campuses });
      expect({ program: shape(got!.program), suggestions: got!.suggestions.map(shape) }).toEqual(want);
      expect(got!.program.slug).toBe(slug);
      expect(await getRequestInfoContext({ slug }, handle.db)).toEqual(got);
    }
    // The seed has listed programs with suggestions, and programs that are not listed.
    expect(listed).toBeGreaterThan(5);
    expect(withSuggestions).toBeGreaterThan(3);
  });

  it("is null for an unknown program, and for a program whose school is suspended", async () => {
    expect(await getRequestInfoContext({ slug: "no-such-program" }, handle.db)).toBeNull();
    expect(await getRequestInfoContext({ id: 2_000_000_000 }, handle.db)).toBeNull();
    const [row] = await handle.db
      .select({ id: programs.id, schoolId: programs.schoolId })
      .from(programs)
      .where(eq(programs.status, "active"))
      .orderBy(programs.id)
      .limit(1);
    expect(await getRequestInfoContext({ id: row!.id }, handle.db)).not.toBeNull();
    await handle.db.update(schools).set({ status: "suspended" }).where(eq(schools.id, row!.schoolId));
    try {
      expect(await getRequestInfoContext({ id: row!.id }, handle.db)).toBeNull();
    } finally {
      await handle.db.update(schools).set({ status: "active" }).where(eq(schools.id, row!.schoolId));
    }
  });
});
