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
 * `id, clicks, leads`. A series' count before a day is its row for that day's month, or, when its
 * last month is earlier, that month's total; with neither, nothing came before.
 */
function wholeDays(scope: Scope, fromDay: Date, toDay: Date): SQL {
  const t = opsClickLeadMonths;
  const id = scope === "program" ? sql`program_id` : sql`school_id`;
  const inScope = scope === "program" ? sql`program_id <> 0` : sql`program_id = 0`;
  const hiMonth = isoDay(monthOf(toDay));
  const loMonth = isoDay(monthOf(fromDay));
  const rowAt = (month: string) => sql`(select ${id} as id, clicks_before, leads_before, clicks, leads from ${t}
    where month = ${month} and ${inScope})`;
  const before = (row: string, column: "clicks" | "leads", index: number, otherwise: SQL) =>
    sql`coalesce(${sql.raw(`${row}.${column}_before + coalesce(${row}.${column}[${index}], 0)`)}, ${otherwise}, 0)`;
  const lastBeforeFrom = (column: "clicks" | "leads") => sql`case when last_row.month < ${loMonth} then ${sql.raw(`last_row.${column}`)} end`;
  return sql`select coalesce(hi.id, lo.id, last_row.id) as id,
      ${before("hi", "clicks", dayIndex(toDay), sql`last_row.clicks`)} - ${before("lo", "clicks", dayIndex(fromDay), lastBeforeFrom("clicks"))} as clicks,
      ${before("hi", "leads", dayIndex(toDay), sql`last_row.leads`)} - ${before("lo", "leads", dayIndex(fromDay), lastBeforeFrom("leads"))} as leads
    from ${rowAt(hiMonth)} hi
    full join ${rowAt(loMonth)} lo on lo.id = hi.id
    full join (select ${id} as id, month, clicks_before + coalesce(clicks[array_upper(clicks, 1)], 0) as clicks,
        leads_before + coalesce(leads[array_upper(leads, 1)], 0) as leads
      from ${t} where is_last and month < ${hiMonth} and ${inScope}) last_row on last_row.id = coalesce(hi.id, lo.id)`;
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
  const spans: [Date, Date][] = [];
  if (fromDay >= toDay) {
    // Within one day (or empty): the raw rows only.
    if (range.from < range.to) spans.push([range.from, range.to]);
    else return sql`select 0 as id, 0 as clicks, 0 as leads where false`;
  } else {
    if (range.from < fromDay) spans.push([range.from, fromDay]);
    if (toDay < range.to) spans.push([toDay, range.to]);
    // Whole days only (what the page asks): one row per series already.
    if (spans.length === 0) return sql`select * from (${wholeDays(scope, fromDay, toDay)}) k where clicks > 0 or leads > 0 ${top}`;
  }
  const parts = fromDay >= toDay ? rawCounts(scope, spans) : sql`${wholeDays(scope, fromDay, toDay)} union all ${rawCounts(scope, spans)}`;
  return sql`select id, sum(clicks)::int as clicks, sum(leads)::int as leads from (${parts}) k
    group by id having sum(clicks) > 0 or sum(leads) > 0 ${top}`;
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
