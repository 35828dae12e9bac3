import "server-only";
import { and, eq, gte, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../client";
import { leads, opsClickLeadMonths, programClicks, programs, schools } from "../schema";

/*
 * Operators only. Range: [from, to) in UTC. Leads counted are first requests (not repeats within the window).
 *
 * Whole UTC days come from the running counts in ops_click_lead_months (see db/schema.ts): two rows
 * per program or school, whatever the range's length. A boundary that is not a UTC midnight (the page
 * never sends one, callers may) has its partial day counted from the raw rows, so the answer is
 * always exactly a count over program_clicks and leads.
 */

export type ClickRange = { from: Date; to: Date };
export type ClickLeadRow = { id: number; name: string; schoolName?: string; clicks: number; leads: number };

const DAY_MS = 86_400_000;
const LIMIT = 500;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const monthOf = (day: Date) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));

type Scope = "program" | "school";

/** Index into a month's running array for "before `day`" (0, the 1st of the month, reads as null: nothing yet). */
const dayIndex = (day: Date) => Math.round((day.getTime() - monthOf(day).getTime()) / DAY_MS);

/**
 * Clicks and first leads in the whole UTC days [fromDay, toDay), one row per series of the scope:
 * `id, clicks, leads`. A series' count before a day is its row for that day's month; without one,
 * its last month's total when that month is earlier (`last`), else nothing (it starts later).
 * Rows are contiguous from a series' first month to its last, which the cases below rely on.
 */
function wholeDays(scope: Scope, fromDay: Date, toDay: Date): SQL {
  const t = opsClickLeadMonths;
  // Joined on the stored `series` (whose statistics the planner knows), turned into an id at the end.
  const id = (series: SQL) => (scope === "program" ? series : sql`-${series}`);
  const inScope = scope === "program" ? sql`series > 0` : sql`series < 0`;
  const hiMonth = isoDay(monthOf(toDay));
  const loMonth = isoDay(monthOf(fromDay));
  const rowsAt = (month: string, day: Date) => {
    const k = sql.raw(String(dayIndex(day)));
    return sql`(select series, clicks_before + coalesce(clicks[${k}], 0) as clicks, leads_before + coalesce(leads[${k}], 0) as leads
      from ${t} where month = ${month} and ${inScope})`;
  };
  return sql`with last as (
      select series, month, clicks_before + coalesce(clicks[array_upper(clicks, 1)], 0) as clicks,
        leads_before + coalesce(leads[array_upper(leads, 1)], 0) as leads
      from ${t} where is_last and month < ${hiMonth} and ${inScope})
    select ${id(sql`coalesce(hi.series, lo.series)`)} as id, coalesce(hi.clicks, last.clicks, 0) - coalesce(lo.clicks, 0) as clicks,
      coalesce(hi.leads, last.leads, 0) - coalesce(lo.leads, 0) as leads
    from ${rowsAt(hiMonth, toDay)} hi
    full join ${rowsAt(loMonth, fromDay)} lo on lo.series = hi.series
    left join last on last.series = lo.series
    union all
    -- Series that ended inside the range and began after its first month.
    select ${id(sql`last.series`)}, last.clicks, last.leads from last
    where last.month >= ${loMonth} and not exists (select 1 from ${t} where month = ${loMonth} and series = last.series)`;
}

/** Counts straight from the raw rows in the given time spans (the partial days), one row per key. */
function rawCounts(scope: Scope, spans: [Date, Date][]): SQL {
  const clickKey = scope === "program" ? programClicks.programId : programClicks.schoolId;
  const leadKey = scope === "program" ? leads.programId : leads.schoolId;
  const clickIn = or(...spans.map(([a, b]) => and(gte(programClicks.createdAt, a), lt(programClicks.createdAt, b))));
  const leadIn = or(...spans.map(([a, b]) => and(gte(leads.createdAt, a), lt(leads.createdAt, b))));
  return sql`select ${clickKey} as id, count(*) as clicks, 0 as leads from ${programClicks} where ${clickIn} group by 1
    union all
    select ${leadKey}, 0, count(*) from ${leads} where ${leadIn} and ${isNull(leads.duplicateOfId)} group by 1`;
}

/**
 * Clicks and first leads in the range per program or school, keeping the rows that can be among the
 * first LIMIT by (clicks, leads) (ties at the edge included): the caller orders by name within them.
 */
function counts(range: ClickRange, scope: Scope): SQL {
  const fromDay = new Date(Math.ceil(range.from.getTime() / DAY_MS) * DAY_MS);
  const toDay = new Date(Math.floor(range.to.getTime() / DAY_MS) * DAY_MS);
  const top = sql`order by clicks desc, leads desc fetch first ${sql.raw(String(LIMIT))} rows with ties`;
  const summed = (parts: SQL) => sql`select id, sum(clicks)::int as clicks, sum(leads)::int as leads from (${parts}) k
    group by id having sum(clicks) > 0 or sum(leads) > 0 ${top}`;
  if (range.from >= range.to) return sql`select 0 as id, 0 as clicks, 0 as leads where false`;
  // Within one day: the raw rows only.
  if (fromDay >= toDay) return summed(rawCounts(scope, [[range.from, range.to]]));
  const spans: [Date, Date][] = [];
  if (range.from < fromDay) spans.push([range.from, fromDay]);
  if (toDay < range.to) spans.push([toDay, range.to]);
  // Whole days only (what the page asks): one row per series already.
  if (spans.length === 0) return sql`select * from (${wholeDays(scope, fromDay, toDay)}) k where clicks > 0 or leads > 0 ${top}`;
  return summed(sql`${wholeDays(scope, fromDay, toDay)} union all ${rawCounts(scope, spans)}`);
}

/** Visit School Site clicks beside leads, per program, for programs with either in the range. */
export async function clicksToLeadsByProgram(range: ClickRange, db?: Db): Promise<ClickLeadRow[]> {
  const d = db ?? (await getDb());
  const rows = await d
    .select({
      id: programs.id,
      name: programs.title,
      schoolName: schools.name,
      clicks: sql<number>`c.clicks`,
      leads: sql<number>`c.leads`,
    })
    .from(sql`(${counts(range, "program")}) c`)
    .innerJoin(programs, eq(programs.id, sql`c.id`))
    .innerJoin(schools, eq(schools.id, programs.schoolId))
    .orderBy(sql`c.clicks desc`, sql`c.leads desc`, programs.title)
    .limit(LIMIT);
  return rows.map((r) => ({ ...r, clicks: Number(r.clicks), leads: Number(r.leads) }));
}

/** The same per school. */
export async function clicksToLeadsBySchool(range: ClickRange, db?: Db): Promise<ClickLeadRow[]> {
  const d = db ?? (await getDb());
  const rows = await d
    .select({ id: schools.id, name: schools.name, clicks: sql<number>`c.clicks`, leads: sql<number>`c.leads` })
    .from(sql`(${counts(range, "school")}) c`)
    .innerJoin(schools, eq(schools.id, sql`c.id`))
    .orderBy(sql`c.clicks desc`, sql`c.leads desc`, schools.name)
    .limit(LIMIT);
  return rows.map((r) => ({ ...r, clicks: Number(r.clicks), leads: Number(r.leads) }));
}

/** Recomputes the running counts from the raw clicks and leads (after a bulk load with triggers off). */
export async function rebuildClickLeadMonths(db: Db | Tx): Promise<void> {
  await db.execute(sql`select ops_click_lead_months_rebuild()`);
}

/** Leads per click; null when there were no clicks. */
export const leadsPerClick = (row: { clicks: number; leads: number }) => (row.clicks === 0 ? null : row.leads / row.clicks);
