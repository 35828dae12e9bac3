import "server-only";
import { and, desc, eq, gte, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { leads, programClicks, programs, schools } from "../schema";

/* Operators only. Range: [from, to) in UTC. Leads counted are first requests (not repeats within the window). */

export type ClickRange = { from: Date; to: Date };
export type ClickLeadRow = { id: number; name: string; schoolName?: string; clicks: number; leads: number };

function counts(db: Db, range: ClickRange, by: "program" | "school") {
  const clickKey = by === "program" ? programClicks.programId : programClicks.schoolId;
  const leadKey = by === "program" ? leads.programId : leads.schoolId;
  const c = db.$with("c").as(
    db
      .select({ key: sql<number>`${clickKey}`.as("click_key"), n: sql<number>`count(*)::int`.as("clicks") })
      .from(programClicks)
      .where(and(gte(programClicks.createdAt, range.from), lt(programClicks.createdAt, range.to)))
      .groupBy(clickKey),
  );
  const l = db.$with("l").as(
    db
      .select({ key: sql<number>`${leadKey}`.as("lead_key"), n: sql<number>`count(*)::int`.as("leads") })
      .from(leads)
      .where(and(gte(leads.createdAt, range.from), lt(leads.createdAt, range.to), isNull(leads.duplicateOfId)))
      .groupBy(leadKey),
  );
  return { c, l };
}

/** Visit School Site clicks beside leads, per program, for programs with either in the range. */
export async function clicksToLeadsByProgram(range: ClickRange, db?: Db): Promise<ClickLeadRow[]> {
  const d = db ?? (await getDb());
  const { c, l } = counts(d, range, "program");
  const rows = await d
    .with(c, l)
    .select({
      id: programs.id,
      name: programs.title,
      schoolName: schools.name,
      clicks: sql<number>`coalesce(${c.n}, 0)::int`,
      leads: sql<number>`coalesce(${l.n}, 0)::int`,
    })
    .from(programs)
    .innerJoin(schools, eq(schools.id, programs.schoolId))
    .leftJoin(c, eq(c.key, programs.id))
    .leftJoin(l, eq(l.key, programs.id))
    .where(or(isNotNull(c.n), isNotNull(l.n)))
    .orderBy(desc(sql`coalesce(${c.n}, 0)`), desc(sql`coalesce(${l.n}, 0)`), programs.title)
    .limit(500);
  return rows.map((r) => ({ ...r, clicks: Number(r.clicks), leads: Number(r.leads) }));
}

/** The same per school. */
export async function clicksToLeadsBySchool(range: ClickRange, db?: Db): Promise<ClickLeadRow[]> {
  const d = db ?? (await getDb());
  const { c, l } = counts(d, range, "school");
  const rows = await d
    .with(c, l)
    .select({ id: schools.id, name: schools.name, clicks: sql<number>`coalesce(${c.n}, 0)::int`, leads: sql<number>`coalesce(${l.n}, 0)::int` })
    .from(schools)
    .leftJoin(c, eq(c.key, schools.id))
    .leftJoin(l, eq(l.key, schools.id))
    .where(or(isNotNull(c.n), isNotNull(l.n)))
    .orderBy(desc(sql`coalesce(${c.n}, 0)`), desc(sql`coalesce(${l.n}, 0)`), schools.name)
    .limit(500);
  return rows.map((r) => ({ ...r, clicks: Number(r.clicks), leads: Number(r.leads) }));
}

/** Leads per click; null when there were no clicks. */
export const leadsPerClick = (row: { clicks: number; leads: number }) => (row.clicks === 0 ? null : row.leads / row.clicks);
