import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countDistinct, eq, sql } from "drizzle-orm";
import type { DbHandle } from "../client";
import { campuses, programs, schools } from "../schema";
import { seed } from "../seed";
import { testDatabases } from "@/lib/testing/db";

describe.each(testDatabases())("seeded directory on $name", ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
    await seed(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("has enough schools, programs and states to be worth filtering", async () => {
    const [s] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(schools);
    const [p] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(programs);
    const [st] = await handle.db.select({ n: countDistinct(campuses.state) }).from(campuses);
    expect(s?.n).toBeGreaterThanOrEqual(60);
    expect(p?.n).toBeGreaterThanOrEqual(250);
    expect(st?.n).toBeGreaterThanOrEqual(30);
    const levels = await handle.db.selectDistinct({ v: programs.credentialLevel }).from(programs);
    const modes = await handle.db.selectDistinct({ v: programs.delivery }).from(programs);
    expect(levels.map((r) => r.v).sort()).toEqual(["associate", "bachelor", "certificate", "diploma", "master"]);
    expect(modes.map((r) => r.v).sort()).toEqual(["campus", "hybrid", "online"]);
  });

  it("keeps the reference ads with their campus cities and accreditation", async () => {
    const rows = await handle.db
      .select({ title: programs.title, accreditation: schools.accreditation })
      .from(programs)
      .innerJoin(schools, eq(schools.id, programs.schoolId))
      .where(eq(schools.slug, "valley-allied-health-institute"));
    expect(rows).toEqual([{ title: "Medical Billing and Coding", accreditation: expect.stringContaining("ABHES") }]);
    const cities = await handle.db
      .select({ city: campuses.city })
      .from(campuses)
      .innerJoin(schools, eq(schools.id, campuses.schoolId))
      .where(eq(schools.slug, "valley-allied-health-institute"));
    expect(cities.map((c) => c.city).sort()).toEqual(["Panorama City", "Van Nuys"]);
  });

  it("is idempotent: a second run adds nothing", async () => {
    const before = await handle.db.select({ n: sql<number>`count(*)::int` }).from(programs);
    const again = await seed(handle.db);
    const after = await handle.db.select({ n: sql<number>`count(*)::int` }).from(programs);
    expect(again.schools).toBe(0);
    expect(after).toEqual(before);
  });
});
