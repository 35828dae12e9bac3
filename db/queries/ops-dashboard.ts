import "server-only";
import { and, desc, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { emailOutbox, leadRequests, leads, programAreas, programs, schools } from "../schema";

/**
 * Lead volume and quality for the operator dashboard. Every figure is computed from the raw rows
 * (leads, lead_requests, email_outbox) at request time, so it always equals what a direct SQL count
 * gives; the indexes in schema.ts ("operator dashboard" block) keep a 90-day range fast.
 *
 * A range is [from, to): `from` is the first UTC day included, `to` the day after the last.
 */
export type DateRange = { from: Date; to: Date };
export type Granularity = "day" | "week" | "month";

/** The kind of outbox email that delivers a lead to its school. */
export const LEAD_NOTIFICATION_KIND = "lead_notification";

const inRange = (range: DateRange) => and(gte(leads.createdAt, range.from), lt(leads.createdAt, range.to));
const duplicates = sql<number>`(count(*) filter (where ${leads.duplicateOfId} is not null))::int`.as("duplicates");
const total = sql<number>`count(*)::int`.as("leads");

export type LeadSummary = {
  leads: number;
  /** Repeats of an earlier lead to the same school: recorded, not billed. */
  duplicates: number;
  /** Leads a school closed (lead status "closed"). */
  closed: number;
  /** Distinct Request Info submissions behind these leads. */
  requests: number;
  /** Schools that received at least one lead. */
  schools: number;
};

export async function getLeadSummary(range: DateRange, db?: Db): Promise<LeadSummary> {
  const d = db ?? (await getDb());
  const [row] = await d
    .select({
      leads: total,
      duplicates,
      closed: sql<number>`(count(*) filter (where ${leads.status} = 'closed'))::int`,
      requests: sql<number>`count(distinct ${leads.requestId})::int`,
      schools: sql<number>`count(distinct ${leads.schoolId})::int`,
    })
    .from(leads)
    .where(inRange(range));
  return row ?? { leads: 0, duplicates: 0, closed: 0, requests: 0, schools: 0 };
}

export type VolumePoint = { period: string; leads: number; duplicates: number };

const PERIOD_SQL: Record<Granularity, string> = { day: "day", week: "week", month: "month" };

/** Leads per UTC day, ISO week (starting Monday) or month; every period in the range is present, empty ones as 0. */
export async function getLeadVolumeSeries(range: DateRange, granularity: Granularity, db?: Db): Promise<VolumePoint[]> {
  const d = db ?? (await getDb());
  const unit = sql.raw(`'${PERIOD_SQL[granularity]}'`);
  const period = sql<string>`to_char(date_trunc(${unit}, ${leads.createdAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const rows = await d
    .select({ period, leads: total, duplicates })
    .from(leads)
    .where(inRange(range))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  return periodsIn(range, granularity).map((period) => byPeriod.get(period) ?? { period, leads: 0, duplicates: 0 });
}

/** The first day (YYYY-MM-DD) of each period that overlaps the range. */
export function periodsIn(range: DateRange, granularity: Granularity): string[] {
  const out: string[] = [];
  const start = new Date(Date.UTC(range.from.getUTCFullYear(), range.from.getUTCMonth(), range.from.getUTCDate()));
  if (granularity === "week") start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  if (granularity === "month") start.setUTCDate(1);
  for (const cursor = start; cursor < range.to; ) {
    out.push(cursor.toISOString().slice(0, 10));
    if (granularity === "day") cursor.setUTCDate(cursor.getUTCDate() + 1);
    else if (granularity === "week") cursor.setUTCDate(cursor.getUTCDate() + 7);
    else cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return out;
}

export type Breakdown = { key: string; label: string; leads: number; duplicates: number };

/** Schools with the most leads in the range. */
export async function getLeadsBySchool(range: DateRange, limit = 20, db?: Db): Promise<Breakdown[]> {
  const d = db ?? (await getDb());
  const top = d
    .select({ schoolId: leads.schoolId, leads: total, duplicates })
    .from(leads)
    .where(inRange(range))
    .groupBy(leads.schoolId)
    .orderBy(desc(sql`count(*)`), leads.schoolId)
    .limit(limit)
    .as("top");
  const rows = await d
    .select({ id: top.schoolId, label: schools.name, leads: top.leads, duplicates: top.duplicates })
    .from(top)
    .innerJoin(schools, eq(schools.id, top.schoolId))
    .orderBy(desc(top.leads), top.schoolId);
  return rows.map((r) => ({ key: String(r.id), label: r.label, leads: r.leads, duplicates: r.duplicates }));
}

/** Leads per program area (the program's classification). */
export async function getLeadsByProgramArea(range: DateRange, db?: Db): Promise<Breakdown[]> {
  const d = db ?? (await getDb());
  const perProgram = d
    .select({ programId: leads.programId, leads: total, duplicates })
    .from(leads)
    .where(inRange(range))
    .groupBy(leads.programId)
    .as("per_program");
  const rows = await d
    .select({
      slug: programAreas.slug,
      label: programAreas.name,
      leads: sql<number>`sum(${perProgram.leads})::int`,
      duplicates: sql<number>`sum(${perProgram.duplicates})::int`,
    })
    .from(perProgram)
    .innerJoin(programs, eq(programs.id, perProgram.programId))
    .innerJoin(programAreas, eq(programAreas.id, programs.programAreaId))
    .groupBy(programAreas.slug, programAreas.name)
    .orderBy(desc(sql`3`), programAreas.slug);
  return rows.map((r) => ({ key: r.slug, label: r.label, leads: r.leads, duplicates: r.duplicates }));
}

export const UNKNOWN_STATE = "Unknown";
export const NO_SOURCE = "(none)";

/** Leads per student state (from the ZIP the student gave); "Unknown" when none was found. */
export async function getLeadsByState(range: DateRange, db?: Db): Promise<Breakdown[]> {
  const d = db ?? (await getDb());
  const state = sql<string>`coalesce(${leadRequests.state}, ${UNKNOWN_STATE})`;
  const rows = await d
    .select({ key: state, leads: total, duplicates })
    .from(leads)
    .innerJoin(leadRequests, eq(leadRequests.id, leads.requestId))
    .where(inRange(range))
    .groupBy(sql`1`)
    .orderBy(desc(sql`count(*)`), sql`1`);
  return rows.map((r) => ({ ...r, label: r.key }));
}

/** Leads per `utm_source` of the request; "(none)" when the visit carried no source. */
export async function getLeadsBySource(range: DateRange, db?: Db): Promise<Breakdown[]> {
  const d = db ?? (await getDb());
  const source = sql<string>`coalesce(nullif(${leadRequests.attribution} ->> 'utm_source', ''), ${NO_SOURCE})`;
  const rows = await d
    .select({ key: source, leads: total, duplicates })
    .from(leads)
    .innerJoin(leadRequests, eq(leadRequests.id, leads.requestId))
    .where(inRange(range))
    .groupBy(sql`1`)
    .orderBy(desc(sql`count(*)`), sql`1`);
  return rows.map((r) => ({ ...r, label: r.key }));
}

export type DeliveryStats = {
  /** School notifications for leads made in the range. */
  notifications: number;
  sent: number;
  failed: number;
  /** Pending or being sent right now. */
  waiting: number;
  /** Seconds from the student's submission to the email leaving, over sent notifications; null when none. */
  medianSeconds: number | null;
  p90Seconds: number | null;
  maxSeconds: number | null;
};

export async function getDeliveryStats(range: DateRange, db?: Db): Promise<DeliveryStats> {
  const d = db ?? (await getDb());
  const seconds = sql`extract(epoch from (${emailOutbox.sentAt} - ${leads.createdAt}))`;
  const sent = sql`${emailOutbox.status} = 'sent'`;
  const [row] = await d
    .select({
      notifications: total,
      sent: sql<number>`(count(*) filter (where ${sent}))::int`,
      failed: sql<number>`(count(*) filter (where ${emailOutbox.status} = 'failed'))::int`,
      waiting: sql<number>`(count(*) filter (where ${emailOutbox.status} in ('pending', 'sending')))::int`,
      medianSeconds: sql<string | null>`percentile_cont(0.5) within group (order by ${seconds}) filter (where ${sent})`,
      p90Seconds: sql<string | null>`percentile_cont(0.9) within group (order by ${seconds}) filter (where ${sent})`,
      maxSeconds: sql<string | null>`max(${seconds}) filter (where ${sent})`,
    })
    .from(emailOutbox)
    .innerJoin(leads, eq(leads.id, emailOutbox.leadId))
    .where(and(eq(emailOutbox.kind, LEAD_NOTIFICATION_KIND), isNotNull(emailOutbox.leadId), inRange(range)));
  const num = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return {
    notifications: row?.notifications ?? 0,
    sent: row?.sent ?? 0,
    failed: row?.failed ?? 0,
    waiting: row?.waiting ?? 0,
    medianSeconds: num(row?.medianSeconds),
    p90Seconds: num(row?.p90Seconds),
    maxSeconds: num(row?.maxSeconds),
  };
}

