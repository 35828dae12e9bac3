import "server-only";
import { and, asc, countDistinct, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { campuses, metroAreas, occupationMetroStats, occupations, programAreas, programCampuses, programs, schools } from "../schema";
import { isListed, programAdColumns, asAds } from "./programs";

export type StateCount = { state: string; programs: number; schools: number };

/** For each state with a campus: listed campus-based programs and their schools. */
export async function listStateCounts(): Promise<StateCount[]> {
  const db = await getDb();
  return db
    .select({
      state: campuses.state,
      programs: countDistinct(programs.id).mapWith(Number),
      schools: countDistinct(schools.id).mapWith(Number),
    })
    .from(campuses)
    .innerJoin(programCampuses, eq(programCampuses.campusId, campuses.id))
    .innerJoin(programs, eq(programs.id, programCampuses.programId))
    .innerJoin(schools, eq(schools.id, programs.schoolId))
    .where(isListed)
    .groupBy(campuses.state)
    .orderBy(asc(campuses.state));
}

/** One state's listed campus-based programs (up to `limit`), counts, and career figures for its metro areas. */
export async function getStateDirectory(state: string, limit = 30) {
  const db = await getDb();
  const inState = and(isListed, sql`${programs.id} in (select ${programCampuses.programId} from ${programCampuses} inner join ${campuses} on ${campuses.id} = ${programCampuses.campusId} where ${campuses.state} = ${state})`);
  const [countRows, programRows, metroRows] = await Promise.all([
    db
      .select({ programs: countDistinct(programs.id).mapWith(Number), schools: countDistinct(schools.id).mapWith(Number) })
      .from(programs)
      .innerJoin(schools, eq(schools.id, programs.schoolId))
      .where(inState),
    db
      .select(programAdColumns)
      .from(programs)
      .innerJoin(schools, eq(schools.id, programs.schoolId))
      .innerJoin(programAreas, eq(programAreas.id, programs.programAreaId))
      .where(inState)
      .orderBy(sql`${programs.sponsoredRank} asc nulls last`, asc(programs.title), asc(programs.id))
      .limit(limit),
    db
      .select({
        metroName: metroAreas.name,
        occupationSlug: occupations.slug,
        occupationTitle: occupations.title,
        employment: occupationMetroStats.employment,
        annualMedianSalary: occupationMetroStats.annualMedianSalary,
        sourceYear: occupationMetroStats.sourceYear,
        source: occupationMetroStats.source,
      })
      .from(occupationMetroStats)
      .innerJoin(metroAreas, eq(metroAreas.id, occupationMetroStats.metroId))
      .innerJoin(occupations, eq(occupations.id, occupationMetroStats.occupationId))
      .where(sql`${state} = any(${metroAreas.states})`)
      .orderBy(asc(occupations.title), asc(metroAreas.name), sql`${occupationMetroStats.sourceYear} desc`),
  ]);
  const seen = new Set<string>();
  const metroFigures = metroRows.filter((r) => {
    const key = `${r.metroName}:${r.occupationSlug}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    programCount: countRows[0]?.programs ?? 0,
    schoolCount: countRows[0]?.schools ?? 0,
    programs: asAds(programRows),
    metroFigures,
  };
}
