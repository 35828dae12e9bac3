import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { occupations, programs, schools } from "../schema";
import { isListed } from "./programs";

/** Careers and listed programs, for sitemap.xml. */
export async function listSitemapPages() {
  const db = await getDb();
  const [careers, programRows] = await Promise.all([
    db.select({ slug: occupations.slug, updatedAt: occupations.updatedAt }).from(occupations).orderBy(asc(occupations.slug)),
    db
      .select({ slug: programs.slug, updatedAt: programs.updatedAt })
      .from(programs)
      .innerJoin(schools, eq(schools.id, programs.schoolId))
      .where(isListed)
      .orderBy(asc(programs.slug)),
  ]);
  return { careers, programs: programRows };
}
