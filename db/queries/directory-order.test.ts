import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "../client";
import { campuses, programAreas, programCampuses, programs, schools, type NewProgram } from "../schema";
import { PROGRAM_AREAS } from "../seed/schools";
import { searchDirectory, type DirectoryQuery } from "./programs";
import { zipCentroid } from "@/lib/geo";
import { testDatabases } from "@/lib/testing/db";

/*
 * The directory's page is read in parts (sponsored programs, then title matches, then school-name
 * matches; with a ZIP, in growing circles): these check that every page, wherever it starts or ends
 * among those parts, is the same as one sort of every match would give.
 */
describe.each(testDatabases())("directory order across pages on $name", ({ open }) => {
  let handle: DbHandle;
  const la = zipCentroid("90012")!;
  const near = (miles: number) => ({ latitude: la.latitude, longitude: la.longitude, miles });

  const all = async (query: Partial<DirectoryQuery>) =>
    (await searchDirectory({ limit: 100, offset: 0, ...query }, handle.db)).items.map((i) => i.title);
  /** Every page of `size`, joined: must equal the one long page. */
  const paged = async (query: Partial<DirectoryQuery>, size: number) => {
    const out: string[] = [];
    for (let offset = 0; ; offset += size) {
      const page = await searchDirectory({ limit: size, offset, ...query }, handle.db);
      out.push(...page.items.map((i) => i.title));
      if (page.items.length === 0 || offset + size >= page.total) break;
    }
    return out;
  };

  beforeAll(async () => {
    handle = await open();
    const db = handle.db;
    await db.insert(programAreas).values([...PROGRAM_AREAS]);
    const [area] = await db.select().from(programAreas).limit(1);
    const [quill, rowan] = await db
      .insert(schools)
      .values([
        { slug: "quill-college", name: "Quill College", website: "https://quill.example", accreditation: "ABHES" },
        { slug: "rowan-radiology", name: "Rowan Radiology Institute", website: "https://rowan.example" },
      ])
      .returning();
    const place = (zip: string) => {
      const c = zipCentroid(zip)!;
      return { zip, city: c.city, state: c.state, latitude: c.latitude, longitude: c.longitude, address: "1 Main St" };
    };
    // LA (0 mi), Pasadena (~10 mi), Riverside (~50 mi), San Diego (~110 mi), Las Vegas (~230 mi), Chicago.
    const at = await db
      .insert(campuses)
      .values(
        ["90012", "91101", "92501", "92101", "89101", "60601"].map((zip, i) => ({ schoolId: i % 2 ? rowan!.id : quill!.id, name: zip, ...place(zip) })),
      )
      .returning();
    const [laC, pasadena, riverside, sandiego, vegas, chicago] = at;
    const base = { programAreaId: area!.id, lengthMonths: 12, status: "active" as const, credentialLevel: "certificate" as const, delivery: "campus" as const };
    const rows: (NewProgram & { at: number[] })[] = [
      // Sponsored, far away, school-name match only: still first.
      { ...base, schoolId: rowan!.id, slug: "r1", title: "Sterile Processing", websiteUrl: "https://rowan.example/1", sponsoredRank: 3, at: [vegas!.id] },
      { ...base, schoolId: quill!.id, slug: "q1", title: "Radiology Basics", websiteUrl: "https://quill.example/1", sponsoredRank: 3, at: [sandiego!.id] },
      { ...base, schoolId: quill!.id, slug: "q2", title: "Radiology Technology", websiteUrl: "https://quill.example/2", at: [riverside!.id] },
      // Campuses in and out of the radius: the nearest one counts (Chicago never "near").
      { ...base, schoolId: quill!.id, slug: "q3", title: "Radiology Assistant", websiteUrl: "https://quill.example/3", at: [chicago!.id, sandiego!.id] },
      // Same title, same place: the id breaks the tie.
      { ...base, schoolId: quill!.id, slug: "q4", title: "Radiology Aide", websiteUrl: "https://quill.example/4", at: [pasadena!.id] },
      { ...base, schoolId: quill!.id, slug: "q5", title: "Radiology Aide", websiteUrl: "https://quill.example/5", at: [pasadena!.id] },
      { ...base, schoolId: rowan!.id, slug: "r2", title: "Medical Imaging", websiteUrl: "https://rowan.example/2", at: [laC!.id] },
      { ...base, schoolId: rowan!.id, slug: "r3", title: "Anatomy Lab", websiteUrl: "https://rowan.example/3", at: [vegas!.id, chicago!.id] },
      { ...base, schoolId: rowan!.id, slug: "r4", title: "Online Coding", delivery: "online", websiteUrl: "https://rowan.example/4", at: [] },
    ];
    for (const { at: links, ...row } of rows) {
      const [p] = await db.insert(programs).values(row).returning({ id: programs.id });
      if (links.length) await db.insert(programCampuses).values(links.map((campusId) => ({ programId: p!.id, campusId })));
    }
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("puts sponsored programs first, then title matches, then school-name matches, on every page", async () => {
    const expected = [
      "Radiology Basics", // sponsored 3, title match
      "Sterile Processing", // sponsored 3, school-name match
      "Radiology Aide",
      "Radiology Aide",
      "Radiology Assistant",
      "Radiology Technology",
      "Anatomy Lab", // school-name matches, by title
      "Medical Imaging",
      "Online Coding",
    ];
    expect(await all({ q: "radio" })).toEqual(expected);
    for (const size of [1, 2, 3, 4]) expect(await paged({ q: "radio" }, size)).toEqual(expected);
    const past = await searchDirectory({ q: "radio", limit: 5, offset: 20 }, handle.db);
    expect(past.items).toEqual([]);
    expect(past.total).toBe(9);
  });

  it("orders by distance from the nearest campus in the radius, the same on every page", async () => {
    const expected = ["Medical Imaging", "Radiology Aide", "Radiology Aide", "Radiology Technology", "Radiology Assistant", "Radiology Basics", "Anatomy Lab", "Sterile Processing"];
    const result = await searchDirectory({ limit: 100, offset: 0, near: near(300), sort: "distance" }, handle.db);
    expect(result.items.map((i) => i.title)).toEqual(expected);
    expect(result.total).toBe(8);
    // Radiology Assistant: San Diego (~110 mi), not Chicago.
    const assistant = result.items.find((i) => i.title === "Radiology Assistant")!;
    expect(assistant.distanceMiles).toBeGreaterThan(100);
    expect(assistant.distanceMiles).toBeLessThan(125);
    for (const size of [1, 3, 5]) expect(await paged({ near: near(300), sort: "distance" }, size)).toEqual(expected);
    // The two "Radiology Aide" ads keep one order (by id) on every page.
    const ids = async (offset: number) => (await searchDirectory({ limit: 1, offset, near: near(300), sort: "distance" }, handle.db)).items[0]!.id;
    expect(await ids(1)).toBeLessThan(await ids(2));
    const past = await searchDirectory({ limit: 5, offset: 10, near: near(300), sort: "distance" }, handle.db);
    expect(past).toEqual({ total: 8, items: [] });
  });

  it("with a ZIP, recommended puts sponsored programs first, then the rest nearest first", async () => {
    expect(await all({ near: near(300) })).toEqual([
      "Radiology Basics",
      "Sterile Processing",
      "Medical Imaging",
      "Radiology Aide",
      "Radiology Aide",
      "Radiology Technology",
      "Radiology Assistant",
      "Anatomy Lab",
    ]);
    expect(await paged({ near: near(300) }, 3)).toEqual(await all({ near: near(300) }));
    // Within 75 miles: the sponsored ones are too far.
    expect(await all({ near: near(75) })).toEqual(["Medical Imaging", "Radiology Aide", "Radiology Aide", "Radiology Technology"]);
    // With words: title matches before school-name matches, each nearest first.
    expect(await all({ near: near(300), q: "radiology" })).toEqual([
      "Radiology Basics",
      "Sterile Processing",
      "Radiology Aide",
      "Radiology Aide",
      "Radiology Technology",
      "Radiology Assistant",
      "Medical Imaging",
      "Anatomy Lab",
    ]);
  });

  it("finds words with accents dropped, and follows a campus that moves", async () => {
    const db = handle.db;
    const [school] = await db.insert(schools).values({ slug: "ecole", name: "École Santé", website: "https://ecole.example" }).returning();
    const [campus] = await db.insert(campuses).values({ schoolId: school!.id, name: "far", address: "1 Rue", city: "Chicago", state: "IL", zip: "60601", ...(({ latitude, longitude }) => ({ latitude, longitude }))(zipCentroid("60601")!) }).returning();
    const [program] = await db
      .insert(programs)
      .values({ schoolId: school!.id, programAreaId: (await db.select().from(programAreas).limit(1))[0]!.id, slug: "ecole-1", title: "Soins", credentialLevel: "diploma", delivery: "campus", lengthMonths: 6, websiteUrl: "https://ecole.example/1", status: "active" })
      .returning();
    await db.insert(programCampuses).values({ programId: program!.id, campusId: campus!.id });
    expect(await all({ q: "ecole sante" })).toEqual(["Soins"]);
    expect(await all({ q: "École" })).toEqual(["Soins"]);
    expect(await all({ near: near(5), q: "soins" })).toEqual([]);
    await db.update(campuses).set({ latitude: la.latitude, longitude: la.longitude, city: "Los Angeles", state: "CA" }).where(eq(campuses.id, campus!.id));
    expect(await all({ near: near(5), q: "soins" })).toEqual(["Soins"]);
    await db.update(programs).set({ status: "paused" }).where(eq(programs.id, program!.id));
    expect(await all({ q: "soins" })).toEqual([]);
    expect(await all({ near: near(5) })).toEqual(["Medical Imaging"]);
  });

  it("with a ZIP, a program's new title or sponsorship reaches the order at once", async () => {
    const db = handle.db;
    const rename = (slug: string, title: string) => db.update(programs).set({ title }).where(eq(programs.slug, slug));
    await rename("r2", "Zoology Imaging");
    expect(await all({ near: near(75), sort: "name" })).toEqual(["Radiology Aide", "Radiology Aide", "Radiology Technology", "Zoology Imaging"]);
    // The two at Pasadena are the same distance away: the title decides, then the id.
    await rename("q5", "Radiology Access");
    expect(await all({ near: near(75) })).toEqual(["Zoology Imaging", "Radiology Access", "Radiology Aide", "Radiology Technology"]);
    expect(await paged({ near: near(75) }, 1)).toEqual(["Zoology Imaging", "Radiology Access", "Radiology Aide", "Radiology Technology"]);
    await db.update(programs).set({ sponsoredRank: 1 }).where(eq(programs.slug, "q2"));
    const sponsored = await searchDirectory({ limit: 2, offset: 0, near: near(75) }, handle.db);
    expect(sponsored.items.map((i) => [i.title, i.sponsored])).toEqual([
      ["Radiology Technology", true],
      ["Zoology Imaging", false],
    ]);
    expect(sponsored.total).toBe(4);
  });
});
