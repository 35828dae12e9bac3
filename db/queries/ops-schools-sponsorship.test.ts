import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db, DbHandle } from "../client";
import { programAreas, programs } from "../schema";
import { createSchool, listSchoolProgramsForOps, setSponsoredRank } from "./ops-schools";
import { sponsoredRankSchema } from "@/lib/validations/ops-schools";
import { testDatabases } from "@/lib/testing/db";

describe("sponsoredRankSchema", () => {
  it("takes a rank from 1, or empty for none", () => {
    expect(sponsoredRankSchema.parse({ rank: " 3 " })).toEqual({ rank: 3 });
    expect(sponsoredRankSchema.parse({ rank: "" })).toEqual({ rank: null });
    for (const bad of ["0", "-1", "1.5", "1000", "one"]) expect(sponsoredRankSchema.safeParse({ rank: bad }).success, bad).toBe(false);
  });
});

describe.each(testDatabases())("sponsored placement on $name", ({ open }) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await open();
    db = handle.db;
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("sets and clears a program's rank, only within the school given", async () => {
    const [area] = await db.insert(programAreas).values({ slug: "coding-test", name: "Coding", cipCode: "51.0713" }).returning();
    const a = await createSchool({ name: "Sponsor A", website: "https://a.example", description: "", accreditation: null }, db);
    const b = await createSchool({ name: "Sponsor B", website: "https://b.example", description: "", accreditation: null }, db);
    const [program] = await db
      .insert(programs)
      .values({ schoolId: a.id, programAreaId: area!.id, slug: "sponsor-a-coding", title: "Coding", credentialLevel: "certificate", delivery: "online", lengthMonths: 6, websiteUrl: "https://a.example/coding" })
      .returning();
    expect(await setSponsoredRank(b.id, program!.id, 1, db)).toBeNull();
    expect((await listSchoolProgramsForOps(a.id, db))[0]?.sponsoredRank).toBeNull();
    expect(await setSponsoredRank(a.id, program!.id, 2, db)).toEqual({ title: "Coding", before: null });
    expect(await listSchoolProgramsForOps(a.id, db)).toEqual([{ id: program!.id, title: "Coding", status: "draft", sponsoredRank: 2 }]);
    expect(await setSponsoredRank(a.id, program!.id, null, db)).toEqual({ title: "Coding", before: 2 });
    const [row] = await db.select({ rank: programs.sponsoredRank }).from(programs).where(eq(programs.id, program!.id));
    expect(row?.rank).toBeNull();
  });
});
