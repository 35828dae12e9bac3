import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "../client";
import { campuses, programAreas, programCampuses, programClicks, programs, schools, type NewProgram } from "../schema";
import { PROGRAM_AREAS } from "../seed/schools";
import { COUNT_CAP, getClickTarget, recordProgramClick, searchDirectory, type DirectoryQuery } from "./programs";
import { zipCentroid } from "@/lib/geo";
import { testDatabases } from "@/lib/testing/db";

const page = { limit: 50, offset: 0 };

describe.each(testDatabases())("directory queries on $name", ({ open }) => {
  let handle: DbHandle;
  const ids: Record<string, number> = {};
  let areaId: Record<string, number> = {};

  const titles = async (query: Partial<DirectoryQuery>) =>
    (await searchDirectory({ ...page, ...query }, handle.db)).items.map((i) => i.title);

  beforeAll(async () => {
    handle = await open();
    const db = handle.db;
    await db.insert(programAreas).values([...PROGRAM_AREAS]);
    areaId = Object.fromEntries((await db.select().from(programAreas)).map((a) => [a.slug, a.id]));
    const [acme, birch, gone] = await db
      .insert(schools)
      .values([
        { slug: "acme-college", name: "Acme College", website: "https://acme.example", accreditation: "ABHES" },
        { slug: "birch-institute", name: "Birch Institute", website: "https://birch.example", accreditation: null },
        { slug: "gone-school", name: "Gone School", website: "https://gone.example", status: "suspended" },
      ])
      .returning();
    // Los Angeles (90012), Pasadena (91101, ~10 mi), San Diego (92101, ~110 mi), Chicago (60601).
    const place = (zip: string) => {
      const c = zipCentroid(zip)!;
      return { zip, city: c.city, state: c.state, latitude: c.latitude, longitude: c.longitude, address: "1 Main St" };
    };
    const [la, pasadena, sandiego, chicago, goneCampus] = await db
      .insert(campuses)
      .values([
        { schoolId: acme!.id, name: "LA", ...place("90012") },
        { schoolId: birch!.id, name: "Pasadena", ...place("91101") },
        { schoolId: birch!.id, name: "San Diego", ...place("92101") },
        { schoolId: acme!.id, name: "Chicago", ...place("60601") },
        { schoolId: gone!.id, name: "Gone", ...place("90012") },
      ])
      .returning();
    const base = { lengthMonths: 12, status: "active" as const };
    const rows: (NewProgram & { key: string; at: number[] })[] = [
      { key: "coding", schoolId: acme!.id, programAreaId: areaId["medical-coding"]!, slug: "acme-coding", title: "Medical Coding", credentialLevel: "certificate", delivery: "campus", websiteUrl: "https://acme.example/coding", sponsoredRank: 2, ...base, at: [la!.id, chicago!.id] },
      { key: "billing", schoolId: acme!.id, programAreaId: areaId["medical-billing"]!, slug: "acme-billing", title: "Billing Basics", credentialLevel: "diploma", delivery: "online", websiteUrl: "https://acme.example/billing", ...base, at: [] },
      { key: "informatics", schoolId: birch!.id, programAreaId: areaId["health-informatics"]!, slug: "birch-informatics", title: "Health Informatics", credentialLevel: "bachelor", delivery: "hybrid", websiteUrl: "https://birch.example/hi", sponsoredRank: 1, ...base, at: [pasadena!.id] },
      { key: "hit", schoolId: birch!.id, programAreaId: areaId["health-information-technology"]!, slug: "birch-hit", title: "Associate in Health Information Technology", credentialLevel: "associate", delivery: "campus", websiteUrl: "https://birch.example/hit", ...base, at: [sandiego!.id] },
      { key: "paused", schoolId: birch!.id, programAreaId: areaId["medical-coding"]!, slug: "birch-paused", title: "Paused Coding", credentialLevel: "certificate", delivery: "campus", websiteUrl: "https://birch.example/p", ...base, status: "paused", at: [pasadena!.id] },
      { key: "suspended", schoolId: gone!.id, programAreaId: areaId["medical-coding"]!, slug: "gone-coding", title: "Coding at a suspended school", credentialLevel: "certificate", delivery: "campus", websiteUrl: "https://gone.example/c", ...base, at: [goneCampus!.id] },
    ];
    for (const { key, at, ...row } of rows) {
      const [p] = await db.insert(programs).values(row).returning({ id: programs.id });
      ids[key] = p!.id;
      if (at.length) await db.insert(programCampuses).values(at.map((campusId) => ({ programId: p!.id, campusId })));
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("lists only listed programs, sponsored first by rank, then by title", async () => {
    const result = await searchDirectory(page, handle.db);
    expect(result.total).toBe(4);
    expect(result.items.map((i) => i.title)).toEqual(["Health Informatics", "Medical Coding", "Associate in Health Information Technology", "Billing Basics"]);
    expect(result.items.map((i) => i.sponsored)).toEqual([true, true, false, false]);
    expect(result.items[1]?.campusCities).toEqual(["Chicago, IL", "Los Angeles, CA"]);
  });

  it("applies each filter, and combinations of them", async () => {
    expect(await titles({ areaId: areaId["medical-coding"] })).toEqual(["Medical Coding"]);
    expect(await titles({ credential: ["bachelor", "associate"] })).toEqual(["Health Informatics", "Associate in Health Information Technology"]);
    expect(await titles({ delivery: ["online"] })).toEqual(["Billing Basics"]);
    expect(await titles({ state: "IL" })).toEqual(["Medical Coding"]);
    expect(await titles({ accredited: true })).toEqual(["Medical Coding", "Billing Basics"]);
    expect(await titles({ state: "CA", credential: ["associate", "certificate"], delivery: ["campus"] })).toEqual([
      "Medical Coding",
      "Associate in Health Information Technology",
    ]);
    expect(await titles({ state: "CA", accredited: true, delivery: ["hybrid"] })).toEqual([]);
  });

  it("searches word prefixes in program titles and school names", async () => {
    expect(await titles({ q: "cod" })).toEqual(["Medical Coding"]);
    expect(await titles({ q: "BIRCH" })).toEqual(["Health Informatics", "Associate in Health Information Technology"]);
    // One word in the title, one in the school name.
    expect(await titles({ q: "acme billing" })).toEqual(["Billing Basics"]);
    expect(await titles({ q: "health info" })).toEqual(["Health Informatics", "Associate in Health Information Technology"]);
    expect(await titles({ q: "100% _'\\ ;--" })).toEqual([]);
    expect(await titles({ q: "suspended" })).toEqual([]);
  });

  it("applies every filter together with search words as it does without them", async () => {
    // With words, the filters are tokens in the word arrays (migration 0013); without, table columns.
    const filterSets: Partial<DirectoryQuery>[] = [
      { areaId: areaId["medical-coding"] },
      { areaId: areaId["health-informatics"] },
      { credential: ["certificate"] },
      { credential: ["bachelor", "associate"] },
      { delivery: ["campus"] },
      { delivery: ["hybrid", "online"] },
      { state: "CA" },
      { state: "IL" },
      { accredited: true },
      { credential: ["certificate", "diploma"], delivery: ["campus", "online"], accredited: true, state: "IL" },
      { credential: ["associate"], state: "CA", delivery: ["campus"] },
    ];
    let found = 0;
    for (const q of ["health", "acme", "birch", "medical coding", "b"]) {
      const matching = new Set(await titles({ q }));
      for (const filters of filterSets) {
        const expected = (await titles(filters)).filter((t) => matching.has(t));
        const actual = await titles({ ...filters, q });
        expect(actual.toSorted(), JSON.stringify({ q, filters })).toEqual(expected.toSorted());
        found += actual.length;
      }
    }
    expect(found).toBeGreaterThan(20);
  });

  it("counts exactly what it lists, whichever index the count reads", async () => {
    // The count reads a state, or three filters and more, as tokens of the word array; one or two
    // filters on the listings' columns. Either way it must agree with the list.
    const filterSets: Partial<DirectoryQuery>[] = [
      {},
      { areaId: areaId["medical-coding"] },
      { credential: ["bachelor", "associate"], delivery: ["hybrid", "campus"] },
      { state: "CA" },
      { state: "IL", areaId: areaId["medical-coding"] },
      { credential: ["certificate", "associate"], delivery: ["campus"], accredited: false },
      { credential: ["certificate", "diploma"], delivery: ["campus", "online"], accredited: true },
      { areaId: areaId["health-information-technology"], credential: ["associate"], delivery: ["campus"], state: "CA" },
      { areaId: areaId["medical-billing"], credential: ["diploma"], delivery: ["online"], accredited: true },
      { areaId: areaId["medical-billing"], credential: ["bachelor"], delivery: ["online"], accredited: true },
    ];
    const totals: number[] = [];
    for (const filters of filterSets) {
      const result = await searchDirectory({ ...page, ...filters }, handle.db);
      expect(result.total, JSON.stringify(filters)).toBe(result.items.length);
      totals.push(result.total);
    }
    expect(totals).toEqual([4, 1, 2, 3, 1, 2, 2, 1, 1, 0]);
  });

  it("finds campuses within a ZIP radius and orders by distance", async () => {
    const la = zipCentroid("90012")!;
    const near = (miles: number) => ({ latitude: la.latitude, longitude: la.longitude, miles });
    expect(await titles({ near: near(25) })).toEqual(["Health Informatics", "Medical Coding"]);
    const wide = await searchDirectory({ ...page, near: near(150), sort: "distance" }, handle.db);
    expect(wide.items.map((i) => i.title)).toEqual(["Medical Coding", "Health Informatics", "Associate in Health Information Technology"]);
    const miles = wide.items.map((i) => i.distanceMiles ?? NaN);
    expect(miles[0]).toBeLessThan(1);
    expect(miles[1]).toBeGreaterThan(5);
    expect(miles[1]).toBeLessThan(15);
    expect(miles[2]).toBeGreaterThan(100);
    expect(miles[2]).toBeLessThan(125);
    // The Chicago campus of the LA program never counts as "near".
    expect(await titles({ near: near(150), state: "IL" })).toEqual([]);
  });

  it("sorts by name and pages through results", async () => {
    expect(await titles({ sort: "name" })).toEqual(["Associate in Health Information Technology", "Billing Basics", "Health Informatics", "Medical Coding"]);
    const second = await searchDirectory({ sort: "name", limit: 2, offset: 2 }, handle.db);
    expect(second.total).toBe(4);
    expect(second.items.map((i) => i.title)).toEqual(["Health Informatics", "Medical Coding"]);
  });

  it("stops counting past the cap", async () => {
    const [school] = await handle.db.insert(schools).values({ slug: "bulk", name: "Bulk School", website: "https://bulk.example" }).returning();
    const bulk = Array.from({ length: COUNT_CAP + 5 }, (_, i) => ({
      schoolId: school!.id,
      programAreaId: areaId["medical-billing"]!,
      slug: `bulk-${i}`,
      title: `Bulk Program ${i}`,
      credentialLevel: "master" as const,
      delivery: "online" as const,
      lengthMonths: 12,
      websiteUrl: "https://bulk.example",
      status: "active" as const,
    }));
    for (let i = 0; i < bulk.length; i += 500) await handle.db.insert(programs).values(bulk.slice(i, i + 500));
    const result = await searchDirectory({ ...page, credential: ["master"] }, handle.db);
    expect(result.total).toBe(COUNT_CAP + 1);
    expect(result.items).toHaveLength(50);
    const few = await searchDirectory({ ...page, credential: ["master"], q: "bulk program 1000" }, handle.db);
    expect(few.total).toBe(1);
    await handle.db.delete(schools).where(eq(schools.id, school!.id));
  });

  it("follows every edit at once: a paused or resumed program, a suspended or renamed school, a new or moved campus", async () => {
    const db = handle.db;
    const [school] = await db.insert(schools).values({ slug: "elm-academy", name: "Elm Academy", website: "https://elm.example" }).returning();
    const [campus] = await db.insert(campuses).values({ schoolId: school!.id, name: "Elm", ...(() => {
      const c = zipCentroid("10001")!;
      return { zip: "10001", city: c.city, state: c.state, latitude: c.latitude, longitude: c.longitude, address: "1 Elm St" };
    })() }).returning();
    const [program] = await db
      .insert(programs)
      .values({ schoolId: school!.id, programAreaId: areaId["medical-coding"]!, slug: "elm-coding", title: "Elm Coding Lab", credentialLevel: "diploma", delivery: "campus", lengthMonths: 9, websiteUrl: "https://elm.example/c", status: "draft" })
      .returning();
    const elm = () => titles({ q: "elm" });
    expect(await elm()).toEqual([]);
    await db.update(programs).set({ status: "active" }).where(eq(programs.id, program!.id));
    expect(await elm()).toEqual(["Elm Coding Lab"]);
    expect(await titles({ state: "NY" })).toEqual([]);
    await db.insert(programCampuses).values({ programId: program!.id, campusId: campus!.id });
    expect(await titles({ state: "NY" })).toEqual(["Elm Coding Lab"]);
    await db.update(campuses).set({ state: "NJ" }).where(eq(campuses.id, campus!.id));
    expect(await titles({ state: "NY" })).toEqual([]);
    expect(await titles({ state: "NJ" })).toEqual(["Elm Coding Lab"]);
    await db.delete(programCampuses).where(eq(programCampuses.programId, program!.id));
    expect(await titles({ state: "NJ" })).toEqual([]);
    await db.update(programs).set({ title: "Elm Billing Lab", sponsoredRank: 1 }).where(eq(programs.id, program!.id));
    expect(await titles({ q: "billing lab" })).toEqual(["Elm Billing Lab"]);
    expect((await titles({}))[0]).toBe("Elm Billing Lab");
    await db.update(schools).set({ name: "Oak Academy", accreditation: "ABHES" }).where(eq(schools.id, school!.id));
    expect(await elm()).toEqual(["Elm Billing Lab"]); // "Elm" is still in the title
    expect(await titles({ q: "oak", accredited: true })).toEqual(["Elm Billing Lab"]);
    await db.update(schools).set({ status: "suspended" }).where(eq(schools.id, school!.id));
    expect(await elm()).toEqual([]);
    await db.update(schools).set({ status: "active" }).where(eq(schools.id, school!.id));
    expect(await elm()).toEqual(["Elm Billing Lab"]);
    await db.update(programs).set({ status: "paused" }).where(eq(programs.id, program!.id));
    expect(await elm()).toEqual([]);
    await db.delete(schools).where(eq(schools.id, school!.id));
    expect(await titles({})).toHaveLength(4);
  });

  it("gives the stored URL of listed programs only, and records clicks without personal data", async () => {
    expect(await getClickTarget(ids.coding!, handle.db)).toMatchObject({ websiteUrl: "https://acme.example/coding" });
    expect(await getClickTarget(ids.paused!, handle.db)).toBeNull();
    expect(await getClickTarget(ids.suspended!, handle.db)).toBeNull();
    expect(await getClickTarget(999_999, handle.db)).toBeNull();
    const target = (await getClickTarget(ids.coding!, handle.db))!;
    await recordProgramClick({ ...target, fromPath: "/schools" }, handle.db);
    const clicks = await handle.db.select().from(programClicks).where(eq(programClicks.programId, ids.coding!));
    expect(clicks).toHaveLength(1);
    expect(clicks[0]).toMatchObject({ schoolId: target.schoolId, fromPath: "/schools" });
  });
});
