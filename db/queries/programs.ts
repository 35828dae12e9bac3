import "server-only";
import { and, asc, between, eq, inArray, sql, type SQL } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { EARTH_RADIUS_MILES, boundingBox } from "@/lib/geo";
import { getDb, type Db } from "../client";
import {
  campuses,
  directoryListings,
  metroAreas,
  occupationMetroStats,
  occupations,
  programAreas,
  programCampuses,
  programClicks,
  programOccupations,
  programs,
  schools,
} from "../schema";
import type { CredentialLevel, DeliveryMode } from "../schema";
import { programCappedSql } from "./lead-caps";

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
  /** At its daily or monthly lead cap: the ad says "Not taking requests right now" (lead-caps.ts). */
  capped: boolean;
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
  capped: programCappedSql,
};

type AdRow = Omit<ProgramAd, "sponsored" | "campusCities"> & { sponsoredRank: number | null };

/** Adds campus cities to ad rows with one query for the whole page. */
export async function withCampusCities(rows: AdRow[], db?: Db): Promise<ProgramAd[]> {
  const ids = rows.map((r) => r.id);
  const cityRows =
    ids.length === 0
      ? []
      : await (db ?? (await getDb()))
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

/* -------------------------------------------------------------- directory */

/** The directory's filters in database terms (the page resolves slugs and the ZIP first). */
export type DirectoryQuery = {
  areaId?: number | null;
  credential?: CredentialLevel[];
  delivery?: DeliveryMode[];
  state?: string | null;
  /** Campus within `miles` of this point. */
  near?: { latitude: number; longitude: number; miles: number } | null;
  accredited?: boolean;
  /** Words that must each appear in the program title or the school name. */
  q?: string;
  /** Only programs leading to this career (the career page's column). */
  occupationId?: number | null;
  sort?: "recommended" | "distance" | "name";
  limit: number;
  offset: number;
};

export type DirectoryItem = ProgramAd & {
  /** Miles from the ZIP to the nearest campus, when a ZIP was given. */
  distanceMiles: number | null;
};

/** `total` is exact up to COUNT_CAP; COUNT_CAP + 1 means "more than COUNT_CAP". */
export type DirectoryResult = { total: number; items: DirectoryItem[] };

export const COUNT_CAP = 1000;

/** The words of a search, as lower-case letters and digits (safe to use as tsquery prefixes). */
export function searchWords(q: string | undefined): string[] {
  return [...new Set((q ?? "").toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9]+/))]
    .filter((w) => w.length > 0)
    .slice(0, 6);
}

/** Haversine distance in miles from a point to a campus, in SQL (the same on Postgres and PGlite). */
function campusDistanceSql(lat: number, lng: number): SQL<number> {
  const la = sql`${lat}::float8`;
  const lo = sql`${lng}::float8`;
  return sql<number>`(2 * ${sql.raw(String(EARTH_RADIUS_MILES))} * asin(least(1, sqrt(
    power(sin(radians(${campuses.latitude} - ${la}) / 2), 2)
    + cos(radians(${la})) * cos(radians(${campuses.latitude})) * power(sin(radians(${campuses.longitude} - ${lo}) / 2), 2)
  ))))`;
}

/**
 * Programs with a campus within the radius, with the distance to the nearest one. The bounding box
 * lets the (latitude, longitude) index find candidate campuses; the exact distance, computed once
 * per campus rather than once per campus link, decides.
 */
function nearSubquery(db: Db, near: NonNullable<DirectoryQuery["near"]>, state: string | null | undefined) {
  const box = boundingBox(near, near.miles);
  const nearCampuses = db
    .select({ id: campuses.id, miles: campusDistanceSql(near.latitude, near.longitude).as("campus_miles") })
    .from(campuses)
    .where(
      and(
        between(campuses.latitude, box.minLatitude, box.maxLatitude),
        between(campuses.longitude, box.minLongitude, box.maxLongitude),
        // With a state too, the same campus must be in the state and near the ZIP.
        state ? eq(campuses.state, state) : undefined,
      ),
    )
    // Any LIMIT keeps this subquery from being inlined (drizzle omits OFFSET 0); it is never reached.
    .limit(1_000_000)
    .as("near_campuses");
  return db
    .select({ programId: programCampuses.programId, miles: sql<number>`min(${nearCampuses.miles})`.as("miles") })
    .from(nearCampuses)
    .innerJoin(programCampuses, eq(programCampuses.campusId, nearCampuses.id))
    .where(sql`${nearCampuses.miles} <= ${near.miles}::float8`)
    .groupBy(programCampuses.programId)
    .as("near");
}

/** A tsquery matching rows that have a word starting with each search word ("cod" finds "coding"). */
function allWordsQuery(words: string[]): SQL {
  return sql`to_tsquery('simple'::regconfig, ${words.map((w) => `${w}:*`).join(" & ")})`;
}

/**
 * Every filter but the radius, on `directory_listings` (which holds only listed programs, so the
 * listed check is its existence).
 */
function directoryConditions(db: Db, query: DirectoryQuery): SQL[] {
  const conditions: SQL[] = [];
  if (query.areaId) conditions.push(eq(directoryListings.programAreaId, query.areaId));
  if (query.credential?.length) conditions.push(inArray(directoryListings.credentialLevel, query.credential));
  if (query.delivery?.length) conditions.push(inArray(directoryListings.delivery, query.delivery));
  if (query.accredited) conditions.push(eq(directoryListings.accredited, true));
  if (query.state) conditions.push(sql`${directoryListings.states} @> array[${query.state}]::text[]`);
  if (query.occupationId) {
    conditions.push(
      inArray(
        directoryListings.programId,
        db
          .select({ id: programOccupations.programId })
          .from(programOccupations)
          .where(eq(programOccupations.occupationId, query.occupationId)),
      ),
    );
  }
  // Each word must start a word of the program title or of the school name.
  const words = searchWords(query.q);
  if (words.length > 0) conditions.push(sql`${directoryListings.search} @@ ${allWordsQuery(words)}`);
  return conditions;
}

/**
 * The directory: listed programs matching every filter, one page of them, and how many match.
 * Recommended order: sponsored programs first (by their rank), then relevance (title matches of the
 * search words before school-name matches; nearest first when a ZIP is given), then title.
 */
export async function searchDirectory(query: DirectoryQuery, db?: Db): Promise<DirectoryResult> {
  const database = db ?? (await getDb());
  const { pageQuery, countQuery } = directoryStatements(query, database);
  // With a ZIP the page query sees every match anyway (it sorts them by distance) and counts them
  // itself; the count statement runs only when that page is past the end.
  const [page, counted] = await Promise.all([
    pageQuery,
    query.near ? null : countQuery.then(([row]) => row?.n ?? 0),
  ]);
  const total =
    counted ?? (page[0] ? Math.min(Number(page[0].total), COUNT_CAP + 1) : query.offset > 0 ? ((await countQuery)[0]?.n ?? 0) : 0);
  const ids = page.map((p) => p.programId);
  // The page's ads and their campus cities: two small look-ups by id, whatever the filters were.
  const adRows =
    ids.length === 0
      ? []
      : await database
          .select(programAdColumns)
          .from(programs)
          .innerJoin(schools, eq(schools.id, programs.schoolId))
          .innerJoin(programAreas, eq(programAreas.id, programs.programAreaId))
          .where(inArray(programs.id, ids));
  const byId = new Map(adRows.map((r) => [r.id, r as AdRow]));
  const ordered = page.flatMap((p) => {
    const row = byId.get(p.programId);
    return row ? [{ row, miles: p.distanceMiles }] : [];
  });
  const withCities = await withCampusCities(
    ordered.map((o) => o.row),
    database,
  );
  return {
    total,
    items: withCities.map((ad, i) => {
      const miles = ordered[i]?.miles;
      return { ...ad, distanceMiles: miles === null || miles === undefined ? null : Number(miles) };
    }),
  };
}

/**
 * The directory's two statements on `directory_listings`: one page of program ids in page order
 * (with a ZIP, also the number of matches), and the count capped at COUNT_CAP + 1. Exported for the
 * bench's EXPLAIN.
 */
export function directoryStatements(query: DirectoryQuery, database: Db) {
  const near = query.near ? nearSubquery(database, query.near, query.state) : null;
  const where = and(...directoryConditions(database, query));

  const words = searchWords(query.q);
  const titleMatchesAll =
    words.length > 0 ? sql`case when ${directoryListings.titleSearch} @@ ${allWordsQuery(words)} then 0 else 1 end` : null;
  const byTitle = [asc(directoryListings.title), asc(directoryListings.programId)];
  const sort = query.sort === "distance" && !near ? "recommended" : (query.sort ?? "recommended");
  const order: SQL[] =
    sort === "name"
      ? byTitle
      : sort === "distance" && near
        ? [asc(near.miles), ...byTitle]
        : [
            sql`${directoryListings.sponsoredRank} asc nulls last`,
            ...(titleMatchesAll ? [titleMatchesAll] : []),
            ...(near ? [asc(near.miles)] : []),
            ...byTitle,
          ];

  const columns = {
    programId: directoryListings.programId,
    distanceMiles: near ? near.miles : sql<null>`null`,
    total: near ? sql<number>`count(*) over ()` : sql<null>`null`,
  };
  const base = database.select(columns).from(directoryListings);
  const pageQuery = (near ? base.innerJoin(near, eq(near.programId, directoryListings.programId)) : base)
    .where(where)
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset);

  // Counting stops at COUNT_CAP: past that the page says "more than 1,000", and the count of a
  // broad search costs no more than one of a narrow one.
  const matchBase = database.select({ one: sql`1` }).from(directoryListings);
  const matches = (near ? matchBase.innerJoin(near, eq(near.programId, directoryListings.programId)) : matchBase)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as("matches");
  const countQuery = database.select({ n: sql<number>`count(*)::int` }).from(matches);
  return { pageQuery, countQuery };
}

/** Program areas, for the directory's filter. */
export async function listProgramAreas(db?: Db) {
  const database = db ?? (await getDb());
  return database
    .select({ id: programAreas.id, slug: programAreas.slug, name: programAreas.name })
    .from(programAreas)
    .orderBy(asc(programAreas.name));
}

/* ------------------------------------------------------------ program page */

/** A listed program with everything its page shows; null when unknown or not listed. */
export async function getListedProgramBySlug(slug: string, database?: Db) {
  const db = database ?? (await getDb());
  const [program] = await db
    .select({
      id: programs.id,
      slug: programs.slug,
      title: programs.title,
      description: programs.description,
      credentialLevel: programs.credentialLevel,
      delivery: programs.delivery,
      lengthMonths: programs.lengthMonths,
      highlights: programs.highlights,
      sponsored: sql<boolean>`${programs.sponsoredRank} is not null`,
      capped: programCappedSql,
      areaName: programAreas.name,
      cipCode: programAreas.cipCode,
      school: {
        id: schools.id,
        slug: schools.slug,
        name: schools.name,
        website: schools.website,
        accreditation: schools.accreditation,
        accreditationType: schools.accreditationType,
      },
    })
    .from(programs)
    .innerJoin(schools, eq(schools.id, programs.schoolId))
    .innerJoin(programAreas, eq(programAreas.id, programs.programAreaId))
    .where(and(eq(programs.slug, slug), isListed))
    .limit(1);
  if (!program) return null;

  const [campusRows, careerRows, payRows] = await Promise.all([
    db
      .select({
        id: campuses.id,
        name: campuses.name,
        address: campuses.address,
        city: campuses.city,
        state: campuses.state,
        zip: campuses.zip,
      })
      .from(programCampuses)
      .innerJoin(campuses, eq(campuses.id, programCampuses.campusId))
      .where(eq(programCampuses.programId, program.id))
      .orderBy(asc(campuses.state), asc(campuses.city), asc(campuses.name)),
    db
      .select({ id: occupations.id, slug: occupations.slug, title: occupations.title, socCode: occupations.socCode2018 })
      .from(programOccupations)
      .innerJoin(occupations, eq(occupations.id, programOccupations.occupationId))
      .where(eq(programOccupations.programId, program.id))
      .orderBy(asc(occupations.title)),
    // The median pay of each career in each campus's metro area: a campus belongs to an MSA when
    // its city is one of the MSA's principal cities and its state one of the MSA's states.
    db
      .select({
        campusId: campuses.id,
        occupationId: occupationMetroStats.occupationId,
        metroName: metroAreas.name,
        annualMedianSalary: occupationMetroStats.annualMedianSalary,
        employment: occupationMetroStats.employment,
        sourceYear: occupationMetroStats.sourceYear,
        source: occupationMetroStats.source,
      })
      .from(programCampuses)
      .innerJoin(campuses, eq(campuses.id, programCampuses.campusId))
      .innerJoin(
        metroAreas,
        and(sql`${campuses.city} = any(${metroAreas.principalCities})`, sql`${campuses.state} = any(${metroAreas.states})`),
      )
      .innerJoin(occupationMetroStats, eq(occupationMetroStats.metroId, metroAreas.id))
      .innerJoin(
        programOccupations,
        and(eq(programOccupations.occupationId, occupationMetroStats.occupationId), eq(programOccupations.programId, program.id)),
      )
      .where(eq(programCampuses.programId, program.id))
      .orderBy(asc(campuses.id), sql`${occupationMetroStats.sourceYear} desc`),
  ]);

  // Latest year per (campus, career).
  const pay = new Map<string, (typeof payRows)[number]>();
  for (const row of payRows) {
    const key = `${row.campusId}:${row.occupationId}`;
    if (!pay.has(key)) pay.set(key, row);
  }
  return { ...program, campuses: campusRows, careers: careerRows, metroPay: [...pay.values()] };
}

export type ProgramPage = NonNullable<Awaited<ReturnType<typeof getListedProgramBySlug>>>;

/* ------------------------------------------------------------------ clicks */

/** Where Visit School Site leads for a listed program: only ever the stored URL. */
export async function getClickTarget(
  programId: number,
  database?: Db,
): Promise<{ programId: number; schoolId: number; websiteUrl: string } | null> {
  const db = database ?? (await getDb());
  const [row] = await db
    .select({ programId: programs.id, schoolId: programs.schoolId, websiteUrl: programs.websiteUrl })
    .from(programs)
    .innerJoin(schools, eq(schools.id, programs.schoolId))
    .where(and(eq(programs.id, programId), isListed))
    .limit(1);
  return row ?? null;
}

/** Records one Visit School Site click: program, school, time and the path it came from. */
export async function recordProgramClick(click: { programId: number; schoolId: number; fromPath: string | null }, db?: Db) {
  await (db ?? (await getDb())).insert(programClicks).values(click);
}

/* ------------------------------------------------------------------ caching */

/** Revalidate this tag (`revalidateTag(DIRECTORY_CACHE_TAG)`) when a listing changes, to show it at once. */
export const DIRECTORY_CACHE_TAG = "directory";

/**
 * The directory page's reads, cached for a minute per filter set: listings change rarely, and a
 * popular filtered page then costs no database work. Visit School Site re-checks that a program is
 * listed, so a paused program that lingers here for a minute can't send anyone on.
 */
export const searchDirectoryCached = unstable_cache((query: DirectoryQuery) => searchDirectory(query), ["directory-search"], {
  revalidate: 60,
  tags: [DIRECTORY_CACHE_TAG],
});

export const listProgramAreasCached = unstable_cache(() => listProgramAreas(), ["directory-areas"], {
  revalidate: 3600,
  tags: [DIRECTORY_CACHE_TAG],
});
