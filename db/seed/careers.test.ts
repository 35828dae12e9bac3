import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq, sql } from "drizzle-orm";
import type { DbHandle } from "../client";
import {
  metroAreas,
  occupationIndustryStats,
  occupationMetroStats,
  occupationRelations,
  occupations,
} from "../schema";
import { OCCUPATION_SLUGS, seedCareers } from "./careers";
import { testDatabases } from "@/lib/testing/db";

async function counts({ db }: DbHandle) {
  return {
    occupations: await db.$count(occupations),
    relations: await db.$count(occupationRelations),
    metros: await db.$count(metroAreas),
    metroStats: await db.$count(occupationMetroStats),
    industryStats: await db.$count(occupationIndustryStats),
  };
}

describe.each(testDatabases())("seedCareers on $name", ({ open }) => {
  let handle: DbHandle;
  let recordsId: number;

  beforeAll(async () => {
    handle = await open();
    await seedCareers(handle.db);
    const [row] = await handle.db
      .select({ id: occupations.id })
      .from(occupations)
      .where(eq(occupations.slug, OCCUPATION_SLUGS.medicalRecordsTechnicians));
    if (!row) throw new Error("medical records occupation missing after seed");
    recordsId = row.id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("seeds the four occupations, linked to each other, and a second run changes nothing", async () => {
    const first = await counts(handle);
    expect(first).toEqual({ occupations: 4, relations: 12, metros: 4, metroStats: 4, industryStats: 8 });
    const before = await handle.db.select().from(occupations).orderBy(asc(occupations.id));

    expect(await seedCareers(handle.db)).toEqual({ occupations: 4 });

    expect(await counts(handle)).toEqual(first);
    const after = await handle.db.select().from(occupations).orderBy(asc(occupations.id));
    expect(after).toEqual(before);
    expect(after.map((o) => o.slug).sort()).toEqual(Object.values(OCCUPATION_SLUGS).sort());
  });

  it("keeps both SOC codes on the medical records profile", async () => {
    const [row] = await handle.db.select().from(occupations).where(eq(occupations.id, recordsId));
    expect(row?.socCode2010).toBe("29-2071");
    expect(row?.socCode2018).toBe("29-2072");
    expect(row?.dataYear).toBe(2016);
    expect(row?.sections.recordContents).toHaveLength(10);
  });

  it("models the four metros as MSAs with their principal cities and 2016 figures", async () => {
    const rows = await handle.db
      .select({
        name: metroAreas.name,
        cbsaCode: metroAreas.cbsaCode,
        principalCities: metroAreas.principalCities,
        employment: occupationMetroStats.employment,
        salary: occupationMetroStats.annualMedianSalary,
        year: occupationMetroStats.sourceYear,
      })
      .from(occupationMetroStats)
      .innerJoin(metroAreas, eq(metroAreas.id, occupationMetroStats.metroId))
      .where(eq(occupationMetroStats.occupationId, recordsId))
      .orderBy(sql`${occupationMetroStats.employment} desc`);
    expect(rows).toEqual([
      { name: "Los Angeles-Long Beach-Anaheim, CA", cbsaCode: "31080", principalCities: ["Los Angeles", "Long Beach", "Anaheim"], employment: 7700, salary: 41410, year: 2016 },
      { name: "Dallas-Fort Worth-Arlington, TX", cbsaCode: "19100", principalCities: ["Dallas", "Fort Worth", "Arlington"], employment: 4530, salary: 40460, year: 2016 },
      { name: "Phoenix-Mesa-Scottsdale, AZ", cbsaCode: "38060", principalCities: ["Phoenix", "Mesa", "Scottsdale"], employment: 4070, salary: 35980, year: 2016 },
      { name: "Houston-The Woodlands-Sugar Land, TX", cbsaCode: "26420", principalCities: ["Houston", "The Woodlands", "Sugar Land"], employment: 3610, salary: 38590, year: 2016 },
    ]);
  });

  it("seeds the eight industry rows, which add up to the published jobs and shares", async () => {
    const rows = await handle.db
      .select()
      .from(occupationIndustryStats)
      .where(eq(occupationIndustryStats.occupationId, recordsId));
    expect(rows).toHaveLength(8);
    expect(rows.reduce((sum, r) => sum + r.jobs, 0)).toBe(165_750);
    expect(rows.reduce((sum, r) => sum + r.sharePercent, 0)).toBe(94);
    expect(rows.find((r) => r.industry === "Hospitals")).toMatchObject({ jobs: 65_500, sharePercent: 38, annualMedianSalary: 32_600 });
  });

  it("carries the 2014-24 projection only where the BLS figure is known", async () => {
    const rows = await handle.db.select({ slug: occupations.slug, sections: occupations.sections }).from(occupations);
    const bySlug = new Map(rows.map((r) => [r.slug, r.sections]));
    expect(bySlug.get(OCCUPATION_SLUGS.medicalRecordsTechnicians)?.projection).toMatchObject({
      baseYear: 2014,
      baseJobs: 188_600,
      projectedYear: 2024,
      projectedJobs: 217_600,
    });
    expect(bySlug.get(OCCUPATION_SLUGS.healthInformationTechnologists)?.projection).toBeUndefined();
  });
});
