import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { campuses, programAreas, programs, schools } from "../schema";
import { isListed, programAdColumns, asAds, type ProgramAd } from "./programs";

/** An active school with its campuses and listed programs; null when unknown or suspended. */
export async function getActiveSchoolBySlug(slug: string) {
  const db = await getDb();
  const [school] = await db
    .select({
      id: schools.id,
      slug: schools.slug,
      name: schools.name,
      website: schools.website,
      description: schools.description,
      accreditation: schools.accreditation,
      accreditationType: schools.accreditationType,
    })
    .from(schools)
    .where(and(eq(schools.slug, slug), eq(schools.status, "active")))
    .limit(1);
  if (!school) return null;
  const [campusRows, programRows] = await Promise.all([
    db
      .select({ id: campuses.id, name: campuses.name, address: campuses.address, city: campuses.city, state: campuses.state, zip: campuses.zip })
      .from(campuses)
      .where(eq(campuses.schoolId, school.id))
      .orderBy(asc(campuses.state), asc(campuses.city), asc(campuses.name)),
    db
      .select(programAdColumns)
      .from(programs)
      .innerJoin(schools, eq(schools.id, programs.schoolId))
      .innerJoin(programAreas, eq(programAreas.id, programs.programAreaId))
      .where(and(eq(programs.schoolId, school.id), isListed))
      .orderBy(sql`${programs.sponsoredRank} asc nulls last`, asc(programs.title), asc(programs.id)),
  ]);
  const ads: ProgramAd[] = asAds(programRows);
  return { ...school, campuses: campusRows, programs: ads };
}

/** Slugs of active schools that have at least one listed program, for the sitemap. */
export async function listActiveSchoolSlugs(): Promise<{ slug: string; updatedAt: Date }[]> {
  const db = await getDb();
  return db
    .selectDistinct({ slug: schools.slug, updatedAt: schools.updatedAt })
    .from(schools)
    .innerJoin(programs, eq(programs.schoolId, schools.id))
    .where(isListed)
    .orderBy(asc(schools.slug));
}
