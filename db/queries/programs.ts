import "server-only";
import { and, asc, between, eq, inArray, is, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { PgTransaction, unionAll } from "drizzle-orm/pg-core";
import { unstable_cache } from "next/cache";
import { EARTH_RADIUS_MILES, boundingBox } from "@/lib/geo";
import { getDb, type Db, type Tx } from "../client";
import {
  campuses,
  directoryCampuses,
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
  // The campus cities in the same statement (the links' primary key leads with the program).
  campusCities: sql<string[]>`array(
    select distinct ${campuses.city} || ', ' || ${campuses.state}
    from ${programCampuses} join ${campuses} on ${campuses.id} = ${programCampuses.campusId}
    where ${programCampuses.programId} = ${programs.id}
    order by 1
  )`,
};

type AdRow = Omit<ProgramAd, "sponsored"> & { sponsoredRank: number | null };

/** Ad rows as ads: the sponsored flag from the rank. */
export function asAds(rows: AdRow[]): ProgramAd[] {
  return rows.map(({ sponsoredRank, ...row }) => ({ ...row, sponsored: sponsoredRank !== null, campusCities: row.campusCities ?? [] }));
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

/** Haversine distance in miles from a point to a directory campus row, in SQL (the same on Postgres and PGlite). */
function campusDistanceSql(lat: number, lng: number): SQL<number> {
  const la = sql`${lat}::float8`;
  const lo = sql`${lng}::float8`;
  return sql<number>`(2 * ${sql.raw(String(EARTH_RADIUS_MILES))} * asin(least(1, sqrt(
    power(sin(radians(${directoryCampuses.latitude} - ${la}) / 2), 2)
    + cos(radians(${la})) * cos(radians(${directoryCampuses.latitude})) * power(sin(radians(${directoryCampuses.longitude} - ${lo}) / 2), 2)
  ))))`;
}

/** The words as a text[] literal for `@>` / `&&` on the prefix arrays. */
function wordsArray(words: string[]): SQL {
  return sql`array[${sql.join(
    words.map((w) => sql`${w}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * The plain filters as the tokens the word arrays carry (migration 0013): each of `all` must be
 * there, and one of each `any` group (several credentials or delivery modes).
 */
function filterTokens(query: DirectoryQuery): { all: string[]; any: string[][] } {
  const all: string[] = [];
  const any: string[][] = [];
  const oneOf = (prefix: string, values: readonly string[] | undefined) => {
    if (!values?.length) return;
    const tokens = [...new Set(values)].map((v) => `${prefix}:${v}`);
    if (tokens.length === 1) all.push(tokens[0]!);
    else any.push(tokens);
  };
  if (query.areaId) all.push(`area:${query.areaId}`);
  oneOf("credential", query.credential);
  oneOf("delivery", query.delivery);
  if (query.accredited) all.push("accredited:");
  if (query.state) all.push(`state:${query.state}`);
  return { all, any };
}

/** How many plain filters a query has (each credential or delivery set counts once). */
function filterCount(query: DirectoryQuery): number {
  const tokens = filterTokens(query);
  return tokens.all.length + tokens.any.length;
}

/** Which word array a branch's search words must be in: title and school name, or the title alone. */
type WordsIn = "any" | "title";

/**
 * The filters on `directory_listings` (which holds only listed programs, so the listed check is its
 * existence). With search words, the words and the plain filters are one `@>` on a word array's GIN
 * index (the filters as tokens); without, the plain filters are columns the btree walks check, or,
 * for the count (`asTokens`), tokens on the word array's GIN index, whose posting lists intersect in
 * a millisecond where the btrees would be read from end to end for a filter that is not their first
 * column. With a ZIP, the plain filters are checked on the campus rows instead (`campusLevel`).
 */
function directoryConditions(db: Db | Tx, query: DirectoryQuery, campusLevel = false, wordsIn: WordsIn = "any", asTokens = false): SQL[] {
  const conditions: SQL[] = [];
  const words = searchWords(query.q);
  if (words.length > 0 || (asTokens && !campusLevel)) {
    // Each word must start a word of the program title or of the school name (or of the title alone).
    const column = wordsIn === "title" ? directoryListings.titleWords : directoryListings.words;
    const tokens = campusLevel ? { all: [], any: [] } : filterTokens(query);
    if (words.length + tokens.all.length > 0) conditions.push(sql`${column} @> ${wordsArray([...words, ...tokens.all])}`);
    for (const group of tokens.any) conditions.push(sql`${column} && ${wordsArray(group)}`);
  } else if (!campusLevel) {
    if (query.areaId) conditions.push(eq(directoryListings.programAreaId, query.areaId));
    if (query.credential?.length) conditions.push(inArray(directoryListings.credentialLevel, query.credential));
    if (query.delivery?.length) conditions.push(inArray(directoryListings.delivery, query.delivery));
    if (query.accredited) conditions.push(eq(directoryListings.accredited, true));
    if (query.state) conditions.push(sql`${directoryListings.states} @> array[${query.state}]::text[]`);
  }
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
  return conditions;
}

/** The plain filters on the campus rows; with a state, the same campus must be in it and near the ZIP. */
function campusConditions(query: DirectoryQuery): SQL[] {
  const conditions: SQL[] = [];
  if (query.areaId) conditions.push(eq(directoryCampuses.programAreaId, query.areaId));
  if (query.credential?.length) conditions.push(inArray(directoryCampuses.credentialLevel, query.credential));
  if (query.delivery?.length) conditions.push(inArray(directoryCampuses.delivery, query.delivery));
  if (query.accredited) conditions.push(eq(directoryCampuses.accredited, true));
  if (query.state) conditions.push(eq(directoryCampuses.state, query.state));
  return conditions;
}

/** Which sponsored state a branch reads: only sponsored programs, only the others, or all. */
type Sponsored = "only" | "none" | "any";

/**
 * Programs with a campus within `miles` of the point and every plain filter, with the distance to
 * the nearest such campus (and the title and sponsored rank the campus rows carry). The box finds
 * candidate campus rows on the position index (index-only); the exact distance decides.
 */
function nearSubquery(db: Db | Tx, query: DirectoryQuery, miles: number, sponsored: Sponsored) {
  const rows = campusRowsInBox(db, query, miles, sponsored);
  // Every campus row of a program carries the same title and rank (one refresh writes them all).
  return db
    .select({
      programId: rows.programId,
      title: rows.title,
      sponsoredRank: rows.sponsoredRank,
      miles: sql<number>`min(${rows.miles})`.as("miles"),
    })
    .from(rows)
    .where(sql`${rows.miles} <= ${miles}::float8`)
    .groupBy(rows.programId, rows.title, rows.sponsoredRank)
    .as("near");
}

/** The programs with a campus within `miles` and every plain filter, for the count: grouped by id alone. */
function nearProgramIds(db: Db | Tx, query: DirectoryQuery, miles: number) {
  const rows = campusRowsInBox(db, query, miles, "any");
  return db
    .select({ programId: rows.programId })
    .from(rows)
    .where(sql`${rows.miles} <= ${miles}::float8`)
    .groupBy(rows.programId)
    .as("near");
}

/**
 * The campus rows in the box around the point for `miles` matching the plain filters, with their
 * exact distance. The box is read on the position index (index-only).
 */
function campusRowsInBox(db: Db | Tx, query: DirectoryQuery, miles: number, sponsored: Sponsored) {
  const near = query.near!;
  const box = boundingBox(near, miles);
  const distance = campusDistanceSql(near.latitude, near.longitude);
  return (
    db
      .select({
        programId: directoryCampuses.programId,
        title: directoryCampuses.title,
        sponsoredRank: directoryCampuses.sponsoredRank,
        miles: distance.as("campus_miles"),
      })
      .from(directoryCampuses)
      .where(
        and(
          between(directoryCampuses.latitude, box.minLatitude, box.maxLatitude),
          between(directoryCampuses.longitude, box.minLongitude, box.maxLongitude),
          sponsored === "only" ? sql`${directoryCampuses.sponsoredRank} is not null` : undefined,
          sponsored === "none" ? sql`${directoryCampuses.sponsoredRank} is null` : undefined,
          ...campusConditions(query),
        ),
      )
      // Any LIMIT keeps this subquery from being inlined (drizzle omits OFFSET 0); it is never reached.
      .limit(10_000_000)
      .as("near_rows")
  );
}

/** The columns a branch orders by, from the listings or (a ZIP without listing-level filters) the campus rows. */
type OrderColumns = { sponsoredRank: SQL | AnyColumn; title: SQL | AnyColumn; programId: SQL | AnyColumn; miles: SQL | null };

/**
 * One branch of the page order: the listings of one sponsored state matching `where` (a condition on
 * `directory_listings`; and, with a ZIP, within `miles`) with the search words in `wordsIn`, in
 * `order`: the first `take` of them (ids and distances).
 */
type Branch = { sponsored: Sponsored; where?: SQL; wordsIn?: WordsIn; order: (c: OrderColumns) => SQL[]; byDistance?: boolean };

/** Whether a query needs `directory_listings` beyond what the campus rows carry (search words, a career). */
function needsListings(query: DirectoryQuery): boolean {
  return searchWords(query.q).length > 0 || Boolean(query.occupationId);
}

function branchStatement(db: Db | Tx, query: DirectoryQuery, branch: Branch, take: number, miles: number | null) {
  if (miles !== null && !branch.where && !needsListings(query)) {
    // A ZIP with plain filters only: the page from the campus rows alone (index-only).
    const near = nearSubquery(db, query, miles, branch.sponsored);
    const order = branch.order({ sponsoredRank: near.sponsoredRank, title: near.title, programId: near.programId, miles: sql`${near.miles}` });
    return db
      .select({ programId: near.programId, distanceMiles: near.miles })
      .from(near)
      .orderBy(...order)
      .limit(take);
  }
  const near = miles !== null ? nearSubquery(db, query, miles, branch.sponsored) : null;
  const where = and(
    ...directoryConditions(db, query, near !== null, branch.wordsIn),
    branch.sponsored === "only" ? sql`${directoryListings.sponsoredRank} is not null` : undefined,
    branch.sponsored === "none" ? sql`${directoryListings.sponsoredRank} is null` : undefined,
    branch.where,
  );
  const columns = {
    programId: directoryListings.programId,
    distanceMiles: near ? near.miles : sql<null>`null::float8`.as("miles"),
  };
  const order = branch.order({
    sponsoredRank: directoryListings.sponsoredRank,
    title: directoryListings.title,
    programId: directoryListings.programId,
    miles: near ? sql`${near.miles}` : null,
  });
  const base = db.select(columns).from(directoryListings);
  return (near ? base.innerJoin(near, eq(near.programId, directoryListings.programId)) : base)
    .where(where)
    .orderBy(...order)
    .limit(take);
}

/**
 * Whether the count reads the plain filters as tokens on the word array's GIN index: for a state
 * (whose own GIN index the planner would AND with a whole btree read) or three filters or more, whose
 * posting lists intersect to the few matches. One filter alone stays on the btree, which stops at
 * the cap.
 */
function tokensPayOff(query: DirectoryQuery): boolean {
  return Boolean(query.state) || filterCount(query) >= 3;
}

/** The count, capped at COUNT_CAP + 1, of the listings matching every filter (within `miles` with a ZIP). */
function countStatement(db: Db | Tx, query: DirectoryQuery, miles: number | null) {
  const near = miles !== null ? nearProgramIds(db, query, miles) : null;
  // Counting stops at COUNT_CAP: past that the page says "more than 1,000", and the count of a
  // broad search costs no more than one of a narrow one.
  if (near && !needsListings(query)) {
    // A ZIP with plain filters only: the campus rows alone (index-only).
    const matches = db
      .select({ one: sql`1` })
      .from(near)
      .limit(COUNT_CAP + 1)
      .as("matches");
    return db.select({ n: sql<number>`count(*)::int` }).from(matches);
  }
  const where = and(...directoryConditions(db, query, near !== null, "any", tokensPayOff(query)));
  const matchBase = db.select({ one: sql`1` }).from(directoryListings);
  const matches = (near ? matchBase.innerJoin(near, eq(near.programId, directoryListings.programId)) : matchBase)
    .where(where)
    .limit(COUNT_CAP + 1)
    .as("matches");
  return db.select({ n: sql<number>`count(*)::int` }).from(matches);
}

/** The first radius tried, and how it grows: a dense area fills the page (and the count) in a small circle. */
const FIRST_RING_MILES = 25;
const RING_GROWTH = 2.5;
/**
 * How many times what is wanted a larger circle must promise, at the density seen so far, to be read
 * next: twice for a page of twenty; four times for the count of up to 1,001, because matches thin
 * out away from a city and a circle that promised twice the count often held less (Minneapolis,
 * 250 miles: 25, 62.5, then 156 miles; with four times, 25 then 156).
 */
const PAGE_RING_MARGIN = 2;
const COUNT_RING_MARGIN = 4;

/**
 * A search so narrow (search words and a plain filter as well) that a small circle rarely holds a
 * page of it: read at the full radius at once rather than first in a circle that comes up short.
 */
function narrowSearch(query: DirectoryQuery): boolean {
  return searchWords(query.q).length > 0 && filterCount(query) > 0;
}

/** Radii to try for a ZIP search, up to the asked `miles` (only that one for a narrow search). */
function rings(query: DirectoryQuery, miles: number): number[] {
  if (narrowSearch(query)) return [miles];
  const out: number[] = [];
  for (let r = FIRST_RING_MILES; r < miles; r *= RING_GROWTH) out.push(r);
  out.push(miles);
  return out;
}

/**
 * The circle to read after one of `miles` held `found` of the `wanted` rows: the smallest larger
 * ring that, at the density seen so far (matches per square mile), promises `margin` times what
 * is wanted; else the full radius. A sparse result (a rural ZIP, a narrow filter set, five
 * matches in all) goes straight to the full radius instead of through every ring.
 */
function nextRing(radii: number[], miles: number, found: number, wanted: number, margin: number): number {
  const density = found / (miles * miles);
  const full = radii[radii.length - 1]!;
  return radii.find((r) => r > miles && r < full && density * r * r >= wanted * margin) ?? full;
}

/** Reads growing circles until `enough` of a circle's result, or the full radius; returns the last result. */
async function inRings<T>(radii: number[], wanted: number, margin: number, read: (miles: number) => Promise<T>, found: (result: T) => number): Promise<T> {
  const full = radii[radii.length - 1]!;
  let miles = radii[0]!;
  for (;;) {
    const result = await read(miles);
    const n = found(result);
    if (n >= wanted || miles === full) return result;
    miles = nextRing(radii, miles, n, wanted, margin);
  }
}

/**
 * The page order as branches, each read only when the ones before it do not fill the page (one
 * statement for all of them on a first page without a ZIP; else one at a time): sponsored programs
 * (by rank, title matches first, nearest, title); then, with search words, the other programs whose
 * title matches, then those that match through the school name; each by distance (with a ZIP) and
 * title. A branch ordered by distance first is read in growing circles.
 */
function pageBranches(query: DirectoryQuery): Branch[] {
  const words = searchWords(query.q);
  const hasNear = Boolean(query.near);
  const byTitle = (c: OrderColumns) => [asc(c.title), asc(c.programId)];
  const then = (c: OrderColumns) => (c.miles ? [sql`${c.miles} asc`, ...byTitle(c)] : byTitle(c));
  const sort = query.sort === "distance" && !hasNear ? "recommended" : (query.sort ?? "recommended");
  if (sort === "name") return [{ sponsored: "any", order: byTitle }];
  if (sort === "distance") return [{ sponsored: "any", order: then, byDistance: true }];
  const titleMatch = words.length > 0 ? sql`${directoryListings.titleWords} @> ${wordsArray(words)}` : null;
  const sponsored: Branch = {
    sponsored: "only",
    order: (c) => [asc(c.sponsoredRank), ...(titleMatch ? [sql`case when ${titleMatch} then 0 else 1 end`] : []), ...then(c)],
  };
  if (!titleMatch) {
    // Without a ZIP the rank index serves the whole order in one walk.
    if (!hasNear) return [{ sponsored: "any", order: (c) => [sql`${c.sponsoredRank} asc nulls last`, ...byTitle(c)] }];
    return [sponsored, { sponsored: "none", order: then, byDistance: true }];
  }
  return [
    sponsored,
    // Every word in the title: the title's own word array (with the filter tokens) alone finds them.
    { sponsored: "none", wordsIn: "title", order: then, byDistance: hasNear },
    {
      // Not all words in the title, so at least one in the school name: that array's index finds them.
      sponsored: "none",
      where: and(sql`not (${titleMatch})`, sql`${directoryListings.schoolWords} && ${wordsArray(words)}`),
      order: then,
      byDistance: hasNear,
    },
  ];
}

/**
 * Picked rows (a subquery of program ids and distances, in the order to show) as ads, in that
 * order, in the same statement: the rows are numbered as they come out of the subquery's ORDER BY
 * and LIMIT, then each one's ad is read by primary key and the result ordered by that number. One
 * round trip, not one for the ids and another for the ads.
 */
type Picked = ReturnType<ReturnType<typeof branchStatement>["as"]>;

function adsInOrder(db: Db | Tx, picked: Picked) {
  const page = db
    .select({ programId: picked.programId, distanceMiles: picked.distanceMiles, position: sql<number>`row_number() over ()`.as("position") })
    .from(picked)
    .as("page");
  return db
    .select({ ...programAdColumns, distanceMiles: page.distanceMiles })
    .from(page)
    .innerJoin(programs, eq(programs.id, page.programId))
    .innerJoin(schools, eq(schools.id, programs.schoolId))
    .innerJoin(programAreas, eq(programAreas.id, programs.programAreaId))
    .orderBy(page.position);
}

/** One branch's rows as ads, in the branch's order (see adsInOrder). */
function branchAds(db: Db | Tx, query: DirectoryQuery, branch: Branch, take: number, miles: number | null) {
  return adsInOrder(db, branchStatement(db, query, branch, take, miles).as("picked"));
}

/**
 * The first page of several branches read in one statement: the branches' picks, each with its own
 * ORDER BY and LIMIT, joined by UNION ALL under one LIMIT and numbered as they come out. Postgres
 * runs a UNION ALL as an Append that reads its parts in turn and stops when the LIMIT above it is
 * met, so a later branch costs nothing when the ones before it fill the page, as when they were read
 * one statement at a time; and the parts come out in order, since a subquery with a LIMIT is never
 * run by parallel workers (which alone could interleave them; PGlite has none).
 */
function branchesAds(db: Db | Tx, query: DirectoryQuery, branches: Branch[], take: number) {
  const parts = branches.map((branch, i) => {
    const picked = branchStatement(db, query, branch, take, null).as(`picked${i}`);
    return db.select({ programId: picked.programId, distanceMiles: picked.distanceMiles }).from(picked);
  });
  const [first, second, ...rest] = parts;
  const picked = (second ? unionAll(first!, second, ...rest) : first!).limit(take).as("picked");
  // The same two columns as one branch's (drizzle types a union's id column as maybe a primary key).
  return adsInOrder(db, picked as unknown as Picked);
}

type PageRow = AdRow & { distanceMiles: number | null };
type PickedRow = { programId: number; distanceMiles: number | null };

/** The ads of programs picked by id (a page read past an offset), in the order given. */
async function adsFor(database: Db, picked: PickedRow[]): Promise<PageRow[]> {
  if (picked.length === 0) return [];
  const rows = await database
    .select(programAdColumns)
    .from(programs)
    .innerJoin(schools, eq(schools.id, programs.schoolId))
    .innerJoin(programAreas, eq(programAreas.id, programs.programAreaId))
    .where(inArray(programs.id, picked.map((p) => p.programId)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return picked.flatMap((p) => {
    const row = byId.get(p.programId);
    return row ? [{ ...row, distanceMiles: p.distanceMiles }] : [];
  });
}

/** A first page of a search without a ZIP: every branch in one statement (branchesAds). */
const firstPageInOneStatement = (query: DirectoryQuery, branches: Branch[]) => query.offset === 0 && !query.near && branches.length > 1;

/**
 * The page's ads in order: the branches in turn, each read as far as the page needs. A branch read
 * from its first row brings its ads in the same statement; one read past an offset (page 2 on)
 * brings ids only, so that the rows it skips cost no ad, and the page's ads follow by id.
 */

async function pageAds(query: DirectoryQuery, database: Db): Promise<PageRow[]> {
  const branches = pageBranches(query);
  if (firstPageInOneStatement(query, branches)) return branchesAds(database, query, branches, query.limit);
  let skip = query.offset;
  const out: (PageRow | PickedRow)[] = [];
  for (const branch of branches) {
    const take = skip + (query.limit - out.length);
    const read = (miles: number | null): Promise<(PageRow | PickedRow)[]> =>
      skip === 0 ? branchAds(database, query, branch, take, miles) : branchStatement(database, query, branch, take, miles);
    // A branch by distance first is read in growing circles: the nearest `take` within a small
    // circle are the nearest overall.
    const rows = !query.near || !branch.byDistance ? await read(query.near?.miles ?? null) : await inRings(rings(query, query.near.miles), take, PAGE_RING_MARGIN, read, (r) => r.length);
    out.push(...rows.slice(skip));
    if (out.length >= query.limit) break;
    skip = Math.max(0, skip - rows.length);
  }
  const picked = out.filter((r): r is PickedRow => "programId" in r);
  const looked = new Map((await adsFor(database, picked)).map((r) => [r.id, r]));
  return out.flatMap((r) => ("programId" in r ? (looked.has(r.programId) ? [looked.get(r.programId)!] : []) : [r]));
}

/** The capped count; with a ZIP, in growing circles, since a circle with more than COUNT_CAP answers it. */
async function cappedCount(query: DirectoryQuery, database: Db): Promise<number> {
  if (!query.near && searchWords(query.q).length > 0 && filterCount(query) === 0) {
    // Search words without plain filters: the planner expects a sequential scan to meet the cap
    // early, but checking the word array row by row costs three times the GIN index's bitmap
    // ("cedar", 13,759 matches: 15.6 ms against 5.6 ms). With filters as well, it takes the index by
    // itself. In a short transaction of its own, so that the setting ends with it: never inside a
    // caller's transaction, where SET LOCAL would outlive this statement.
    if (!is(database, PgTransaction)) {
      return database.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        return (await countStatement(tx, query, null))[0]?.n ?? 0;
      });
    }
  }
  if (!query.near) return (await countStatement(database, query, null))[0]?.n ?? 0;
  const read = async (miles: number) => (await countStatement(database, query, miles))[0]?.n ?? 0;
  return inRings(rings(query, query.near.miles), COUNT_CAP + 1, COUNT_RING_MARGIN, read, (n) => n);
}

/**
 * The directory: listed programs matching every filter, one page of them, and how many match.
 * Recommended order: sponsored programs first (by their rank), then relevance (title matches of the
 * search words before school-name matches; nearest first when a ZIP is given), then title.
 */
export async function searchDirectory(query: DirectoryQuery, db?: Db): Promise<DirectoryResult> {
  const database = db ?? (await getDb());
  const [page, total] = await Promise.all([pageAds(query, database), cappedCount(query, database)]);
  return {
    total: Math.min(total, COUNT_CAP + 1),
    items: page.map(({ distanceMiles, ...row }) => ({
      ...asAds([row])[0]!,
      distanceMiles: distanceMiles === null || distanceMiles === undefined ? null : Number(distanceMiles),
    })),
  };
}

/**
 * The directory's page statements for one query, for the bench's EXPLAIN, as searchDirectory runs
 * them at the full radius: a first page without a ZIP in one statement; else each branch (its ads
 * on a first page, its ids past an offset). The count is its plain statement (searchDirectory reads
 * a words-only count with sequential scans off, which this plain EXPLAIN does not).
 */
export function directoryStatements(query: DirectoryQuery, database: Db) {
  const branches = pageBranches(query);
  const miles = query.near?.miles ?? null;
  const take = query.offset + query.limit;
  return {
    ...(firstPageInOneStatement(query, branches)
      ? { pageBranches: branchesAds(database, query, branches, take) }
      : Object.fromEntries(
          branches.map((b, i) => [`pageBranch${i + 1}`, query.offset === 0 ? branchAds(database, query, b, take, miles) : branchStatement(database, query, b, take, miles)]),
        )),
    countQuery: countStatement(database, query, miles),
  };
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

/** Whether a program area slug is one of ours (from the cached list): the directory drops any other. */
export async function programAreaExists(): Promise<(slug: string) => boolean> {
  const slugs = new Set((await listProgramAreasCached()).map((a) => a.slug));
  return (slug) => slugs.has(slug);
}
