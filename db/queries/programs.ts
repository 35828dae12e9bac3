import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "../client";
import { campuses, programAreas, programCampuses, programOccupations, programs, schools } from "../schema";
import type { CredentialLevel, DeliveryMode } from "../schema";

/** What an ad card needs to show one program. */
export type ProgramAd = {
  id: number;
  slug: string;
  title: string;
  schoolName: string;
  schoolSlug: string;
  highlights: string[];
  credentialLevel: CredentialLevel;
  delivery: DeliveryMode;
  lengthMonths: number;
  areaName: string;
  sponsored: boolean;
  accreditation: string | null;
  /** Campus cities, "City, ST", in name order; empty for online-only programs. */
  campusCities: string[];
};

/** A program is listed when it is active and its school is not suspended. */
export const isListed = and(eq(programs.status, "active"), eq(schools.status, "active"));

export const programAdColumns = {
  id: programs.id,
  slug: programs.slug,
  title: programs.title,
  schoolName: schools.name,
  schoolSlug: schools.slug,
  highlights: programs.highlights,
  credentialLevel: programs.credentialLevel,
  delivery: programs.delivery,
  lengthMonths: programs.lengthMonths,
  areaName: programAreas.name,
  sponsoredRank: programs.sponsoredRank,
  accreditation: schools.accreditation,
};

type AdRow = Omit<ProgramAd, "sponsored" | "campusCities"> & { sponsoredRank: number | null };

/** Adds campus cities to ad rows with one query for the whole page. */
export async function withCampusCities(rows: AdRow[]): Promise<ProgramAd[]> {
  const ids = rows.map((r) => r.id);
  const cityRows =
    ids.length === 0
      ? []
      : await (await getDb())
          .selectDistinct({ programId: programCampuses.programId, city: campuses.city, state: campuses.state })
          .from(programCampuses)
          .innerJoin(campuses, eq(campuses.id, programCampuses.campusId))
          .where(inArray(programCampuses.programId, ids))
          .orderBy(programCampuses.programId, campuses.city);
  const byProgram = new Map<number, string[]>();
  for (const row of cityRows) {
    const list = byProgram.get(row.programId) ?? [];
    list.push(`${row.city}, ${row.state}`);
    byProgram.set(row.programId, list);
  }
  return rows.map(({ sponsoredRank, ...row }) => ({
    ...row,
    sponsored: sponsoredRank !== null,
    campusCities: byProgram.get(row.id) ?? [],
  }));
}

/** Listed programs that lead to one career: sponsored first (by rank), then by title. */
export async function listProgramsForOccupation(occupationId: number, limit = 10): Promise<ProgramAd[]> {
  const db = await getDb();
  const rows = await db
    .select(programAdColumns)
    .from(programs)
    .innerJoin(schools, eq(schools.id, programs.schoolId))
    .innerJoin(programAreas, eq(programAreas.id, programs.programAreaId))
    .innerJoin(
      programOccupations,
      and(eq(programOccupations.programId, programs.id), eq(programOccupations.occupationId, occupationId)),
    )
    .where(isListed)
    .orderBy(sql`${programs.sponsoredRank} asc nulls last`, asc(programs.title), asc(programs.id))
    .limit(limit);
  return withCampusCities(rows as AdRow[]);
}
