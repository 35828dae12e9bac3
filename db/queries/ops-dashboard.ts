import "server-only";
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { getDb, type Db, type Tx } from "../client";
import {
  opsDeliveriesDaily,
  opsDeliverySecondsDaily,
  opsLeadsByAreaDaily,
  opsDeliverySecondsWeekly,
  opsSchoolLeadTotals,
  opsLeadsBySourceDaily,
  opsLeadsByStateDaily,
  opsLeadRejectionsDaily,
  programAreas,
  schools,
} from "../schema";

/**
 * Lead volume and quality for the operator dashboard, read from the daily rollup tables that
 * triggers keep exact (see the "ops" block in db/schema.ts and migration 0003). The tests hold
 * every figure to hand-written SQL over the raw leads, requests and outbox rows.
 *
 * A range is whole UTC days, [from, to): `from` is the first day included, `to` the day after the
 * last. Both must be UTC midnights (lib/validations/ops-dashboard.ts makes them so).
 */
export type DateRange = { from: Date; to: Date };
export type Granularity = "day" | "week" | "month";

/** The kind of outbox email that delivers a lead to its school. */
export const LEAD_NOTIFICATION_KIND = "lead_notification";
export const UNKNOWN_STATE = "Unknown";
export const NO_SOURCE = "(none)";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysIn = (column: PgColumn, range: DateRange) => and(gte(column, isoDay(range.from)), lt(column, isoDay(range.to)));
const sumInt = (column: PgColumn | SQL) => sql<number>`coalesce(sum(${column}), 0)::int`;
const sumWhere = (column: PgColumn, where: SQL) => sql<number>`coalesce(sum(${column}) filter (where ${where}), 0)::int`;

export type LeadSummary = {
  leads: number;
  /** Repeats of an earlier lead to the same school within the window: recorded, not billed. */
  duplicates: number;
};

export async function getLeadSummary(range: DateRange, db?: Db): Promise<LeadSummary> {
  const d = db ?? (await getDb());
  const t = opsLeadsByAreaDaily;
  const [row] = await d
    .select({ leads: sumInt(t.leads), duplicates: sumInt(t.duplicates) })
    .from(t)
    .where(daysIn(t.day, range));
  return row ?? { leads: 0, duplicates: 0 };
}

export type VolumePoint = { period: string; leads: number; duplicates: number };

/** Leads per UTC day, ISO week (from Monday) or month; every period of the range is there, empty ones as 0. */
export async function getLeadVolumeSeries(range: DateRange, granularity: Granularity, db?: Db): Promise<VolumePoint[]> {
  const d = db ?? (await getDb());
  const t = opsLeadsByAreaDaily;
  const unit = sql.raw(`'${granularity}'`);
  const period = sql<string>`to_char(date_trunc(${unit}, ${t.day}::timestamp), 'YYYY-MM-DD')`;
  const rows = await d
    .select({ period, leads: sumInt(t.leads), duplicates: sumInt(t.duplicates) })
    .from(t)
    .where(daysIn(t.day, range))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  return periodsIn(range, granularity).map((p) => byPeriod.get(p) ?? { period: p, leads: 0, duplicates: 0 });
}

/** The first day (YYYY-MM-DD) of each period that overlaps the range. */
export function periodsIn(range: DateRange, granularity: Granularity): string[] {
  const out: string[] = [];
  const cursor = new Date(Date.UTC(range.from.getUTCFullYear(), range.from.getUTCMonth(), range.from.getUTCDate()));
  if (granularity === "week") cursor.setUTCDate(cursor.getUTCDate() - ((cursor.getUTCDay() + 6) % 7));
  if (granularity === "month") cursor.setUTCDate(1);
  while (cursor < range.to) {
    out.push(isoDay(cursor));
    if (granularity === "day") cursor.setUTCDate(cursor.getUTCDate() + 1);
    else if (granularity === "week") cursor.setUTCDate(cursor.getUTCDate() + 7);
    else cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return out;
}

export type Breakdown = { key: string; label: string; leads: number; duplicates: number };

export type SchoolBreakdown = {
  rows: Breakdown[];
  /** Schools that received at least one lead in the range (all of them, not only the rows shown). */
  schoolsWithLeads: number;
};

/** Monday on or after / on or before a UTC midnight. */
function mondayOnOrAfter(d: Date): Date {
  const out = new Date(d);
  out.setUTCDate(out.getUTCDate() + ((8 - out.getUTCDay()) % 7));
  return out;
}
function mondayOnOrBefore(d: Date): Date {
  const out = new Date(d);
  out.setUTCDate(out.getUTCDate() - ((out.getUTCDay() + 6) % 7));
  return out;
}

/** Schools with the most leads in the range, most first, from the running totals per school. */
export async function getLeadsBySchool(range: DateRange, limit = 20, db?: Db): Promise<SchoolBreakdown> {
  const d = db ?? (await getDb());
  const c = opsSchoolLeadTotals;
  const totalBefore = (day: string, alias: string) =>
    sql`left join lateral (select ${c.leads} as leads, ${c.duplicates} as duplicates from ${c}
      where ${c.schoolId} = ${schools.id} and ${c.day} < ${day} order by ${c.day} desc limit 1) ${sql.raw(alias)} on true`;
  const perSchool = sql`select ${schools.id} as school_id, ${schools.name} as name,
      coalesce(hi.leads, 0) - coalesce(lo.leads, 0) as leads, coalesce(hi.duplicates, 0) - coalesce(lo.duplicates, 0) as duplicates
    from ${schools} ${totalBefore(isoDay(range.to), "hi")} ${totalBefore(isoDay(range.from), "lo")}`;
  const rows = await d
    .select({
      id: sql<number>`s.school_id`,
      label: sql<string>`s.name`,
      leads: sql<number>`s.leads::int`,
      duplicates: sql<number>`s.duplicates::int`,
      schools: sql<string>`count(*) over ()`,
    })
    .from(sql`(${perSchool}) s`)
    .where(sql`s.leads > 0`)
    .orderBy(sql`s.leads desc`, sql`s.school_id`)
    .limit(limit);
  return {
    rows: rows.map((r) => ({ key: String(r.id), label: r.label, leads: r.leads, duplicates: r.duplicates })),
    schoolsWithLeads: Number(rows[0]?.schools ?? 0),
  };
}

/** Leads per program area (the classification of the program asked about). */
export async function getLeadsByProgramArea(range: DateRange, db?: Db): Promise<Breakdown[]> {
  const d = db ?? (await getDb());
  const t = opsLeadsByAreaDaily;
  const rows = await d
    .select({ key: programAreas.slug, label: programAreas.name, leads: sumInt(t.leads), duplicates: sumInt(t.duplicates) })
    .from(t)
    .innerJoin(programAreas, eq(programAreas.id, t.programAreaId))
    .where(daysIn(t.day, range))
    .groupBy(programAreas.slug, programAreas.name)
    .having(sql`sum(${t.leads}) > 0`)
    .orderBy(desc(sql`sum(${t.leads})`), programAreas.slug);
  return rows;
}

/** Leads per student state (from the ZIP given), "Unknown" when there was none. */
export async function getLeadsByState(range: DateRange, db?: Db): Promise<Breakdown[]> {
  const d = db ?? (await getDb());
  const t = opsLeadsByStateDaily;
  const rows = await d
    .select({ key: t.state, leads: sumInt(t.leads), duplicates: sumInt(t.duplicates) })
    .from(t)
    .where(daysIn(t.day, range))
    .groupBy(t.state)
    .having(sql`sum(${t.leads}) > 0`)
    .orderBy(desc(sql`sum(${t.leads})`), t.state);
  return rows.map((r) => ({ ...r, label: r.key }));
}

/** Leads per `utm_source` of the request, "(none)" when the visit carried none. */
export async function getLeadsBySource(range: DateRange, db?: Db): Promise<Breakdown[]> {
  const d = db ?? (await getDb());
  const t = opsLeadsBySourceDaily;
  const rows = await d
    .select({ key: t.source, leads: sumInt(t.leads), duplicates: sumInt(t.duplicates) })
    .from(t)
    .where(daysIn(t.day, range))
    .groupBy(t.source)
    .having(sql`sum(${t.leads}) > 0`)
    .orderBy(desc(sql`sum(${t.leads})`), t.source);
  return rows.map((r) => ({ ...r, label: r.key }));
}

export type RejectionSummary = {
  /** Request Info submissions refused and not stored (see lead_rejections in db/schema.ts). */
  rejected: number;
  /** Per reason, most first. */
  byReason: { reason: string; rejections: number }[];
};

export async function getRejectionSummary(range: DateRange, db?: Db): Promise<RejectionSummary> {
  const d = db ?? (await getDb());
  const t = opsLeadRejectionsDaily;
  const rows = await d
    .select({ reason: t.reason, rejections: sumInt(t.rejections) })
    .from(t)
    .where(daysIn(t.day, range))
    .groupBy(t.reason)
    .having(sql`sum(${t.rejections}) > 0`)
    .orderBy(desc(sql`sum(${t.rejections})`), t.reason);
  return { rejected: rows.reduce((s, r) => s + r.rejections, 0), byReason: rows };
}

export type DeliveryStats = {
  /** School notifications of the leads made in the range. */
  notifications: number;
  sent: number;
  failed: number;
  /** Pending, or being sent right now. */
  waiting: number;
  /**
   * Whole seconds from the student's submission to the notification leaving, over sent ones
   * (percentile_disc: an observed value); null when none was sent.
   */
  medianSeconds: number | null;
  p90Seconds: number | null;
  maxSeconds: number | null;
};

export async function getDeliveryStats(range: DateRange, db?: Db): Promise<DeliveryStats> {
  const d = db ?? (await getDb());
  const s = opsDeliveriesDaily;
  const [counts] = await d
    .select({
      notifications: sumInt(s.emails),
      sent: sumWhere(s.emails, sql`${s.status} = 'sent'`),
      failed: sumWhere(s.emails, sql`${s.status} = 'failed'`),
      waiting: sumWhere(s.emails, sql`${s.status} in ('pending', 'sending')`),
    })
    .from(s)
    .where(daysIn(s.day, range));
  // Whole weeks from the weekly histogram, the days before the first Monday and after the last from the daily one.
  const h = opsDeliverySecondsDaily;
  const w = opsDeliverySecondsWeekly;
  const firstWeek = mondayOnOrAfter(range.from);
  const endWeek = mondayOnOrBefore(range.to);
  const parts =
    firstWeek < endWeek
      ? sql`select ${w.seconds} as seconds, ${w.emails} as emails from ${w}
            where ${w.week} >= ${isoDay(firstWeek)} and ${w.week} < ${isoDay(endWeek)}
          union all
          select ${h.seconds}, ${h.emails} from ${h}
            where (${h.day} >= ${isoDay(range.from)} and ${h.day} < ${isoDay(firstWeek)})
               or (${h.day} >= ${isoDay(endWeek)} and ${h.day} < ${isoDay(range.to)})`
      : sql`select ${h.seconds} as seconds, ${h.emails} as emails from ${h}
            where ${h.day} >= ${isoDay(range.from)} and ${h.day} < ${isoDay(range.to)}`;
  const histogram = d
    .select({ seconds: sql<number>`parts.seconds`.as("seconds"), emails: sql<number>`sum(parts.emails)`.as("emails") })
    .from(sql`(${parts}) parts`)
    .groupBy(sql`parts.seconds`)
    .having(sql`sum(parts.emails) > 0`)
    .as("histogram");
  const cumulative = d
    .select({
      seconds: histogram.seconds,
      upTo: sql<number>`sum(${histogram.emails}) over (order by ${histogram.seconds})`.as("up_to"),
      total: sql<number>`sum(${histogram.emails}) over ()`.as("total"),
    })
    .from(histogram)
    .as("cumulative");
  // Postgres's percentile_disc takes the row at ceil(p * n): the same rule, over the histogram.
  const at = (p: number) =>
    sql<number | null>`min(${cumulative.seconds}) filter (where ${cumulative.upTo} >= ceil(${sql.raw(String(p))}::float8 * ${cumulative.total}))`;
  const [pct] = await d
    .select({ median: at(0.5), p90: at(0.9), max: sql<number | null>`max(${cumulative.seconds})` })
    .from(cumulative);
  const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return {
    notifications: counts?.notifications ?? 0,
    sent: counts?.sent ?? 0,
    failed: counts?.failed ?? 0,
    waiting: counts?.waiting ?? 0,
    medianSeconds: num(pct?.median),
    p90Seconds: num(pct?.p90),
    maxSeconds: num(pct?.max),
  };
}

/**
 * Recomputes every rollup from the raw rows, in one transaction. For a bulk load made with
 * triggers off (the benchmark's generator), or to repair after a manual change.
 */
export async function rebuildLeadRollups(db: Db | Tx): Promise<void> {
  const run = async (tx: Db | Tx) => {
    for (const table of [
      "ops_school_lead_totals",
      "ops_delivery_seconds_weekly",
      "ops_leads_by_area_daily",
      "ops_leads_by_state_daily",
      "ops_leads_by_source_daily",
      "ops_deliveries_daily",
      "ops_delivery_seconds_daily",
      "ops_lead_rejections_daily",
    ]) {
      await tx.execute(sql.raw(`delete from ${table}`));
    }
    const day = sql.raw(`(l.created_at at time zone 'UTC')::date`);
    const counts = sql.raw(`count(*), count(l.duplicate_of_id)`);
    await tx.execute(sql`insert into ops_school_lead_totals (school_id, day, leads, duplicates)
      select school_id, day, sum(n) over w, sum(d) over w
      from (select l.school_id, ${day} as day, count(*) as n, count(l.duplicate_of_id) as d from leads l group by 1, 2) per_day
      window w as (partition by school_id order by day)`);
    await tx.execute(sql`insert into ops_leads_by_area_daily (day, program_area_id, leads, duplicates)
      select ${day}, p.program_area_id, ${counts} from leads l join programs p on p.id = l.program_id group by 1, 2`);
    await tx.execute(sql`insert into ops_leads_by_state_daily (day, state, leads, duplicates)
      select ${day}, coalesce(r.state, ${UNKNOWN_STATE}), ${counts}
      from leads l join lead_requests r on r.id = l.request_id group by 1, 2`);
    await tx.execute(sql`insert into ops_leads_by_source_daily (day, source, leads, duplicates)
      select ${day}, coalesce(nullif(r.attribution ->> 'utm_source', ''), ${NO_SOURCE}), ${counts}
      from leads l join lead_requests r on r.id = l.request_id group by 1, 2`);
    await tx.execute(sql`insert into ops_deliveries_daily (day, status, emails)
      select ${day}, o.status, count(*) from email_outbox o join leads l on l.id = o.lead_id
      where o.kind = ${LEAD_NOTIFICATION_KIND} group by 1, 2`);
    await tx.execute(sql`insert into ops_delivery_seconds_daily (day, seconds, emails)
      select ${day}, floor(extract(epoch from o.sent_at - l.created_at))::integer, count(*)
      from email_outbox o join leads l on l.id = o.lead_id
      where o.kind = ${LEAD_NOTIFICATION_KIND} and o.status = 'sent' and o.sent_at is not null group by 1, 2`);
    await tx.execute(sql`insert into ops_lead_rejections_daily (day, reason, rejections)
      select (created_at at time zone 'UTC')::date, reason, count(*) from lead_rejections group by 1, 2`);
    await tx.execute(sql`insert into ops_delivery_seconds_weekly (week, seconds, emails)
      select date_trunc('week', day::timestamp)::date, seconds, sum(emails) from ops_delivery_seconds_daily group by 1, 2`);
  };
  if ("rollback" in db) await run(db);
  else await db.transaction(run);
}
