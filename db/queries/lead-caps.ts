import "server-only";
import { and, eq, gte, inArray, isNull, lt, or, isNotNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { leads, programs } from "../schema";

/*
 * Lead caps. A program's `daily_lead_cap` / `monthly_lead_cap` limit the billable (non-duplicate)
 * leads it receives per calendar day and calendar month, counted in UTC, the time zone of every
 * stamp this app shows (lead emails, the operator dashboard's days). A day's cap therefore resets
 * at midnight UTC (4 or 5 pm in California), a month's on the 1st at midnight UTC.
 *
 * The submit path counts inside its transaction with the capped program rows locked FOR UPDATE, so
 * two requests at cap - 1 cannot both land. When a lead brings a program to a cap, the program's
 * `lead_cap_reached_until` is set to the end of that period: the directory reads that column (no
 * counting per ad) and shows "Not taking requests right now" until it passes.
 */

export const NOT_TAKING_REQUESTS = "Not taking requests right now";

/** The UTC day and month that `now` falls in. */
export function capPeriods(now: Date) {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  const d = now.getUTCDate();
  return {
    dayStart: new Date(Date.UTC(y, m, d)),
    dayEnd: new Date(Date.UTC(y, m, d + 1)),
    monthStart: new Date(Date.UTC(y, m, 1)),
    monthEnd: new Date(Date.UTC(y, m + 1, 1)),
  };
}

export type CapState = {
  programId: number;
  dailyLeadCap: number | null;
  monthlyLeadCap: number | null;
  today: number;
  thisMonth: number;
};

/** True when one more lead would go over a cap. */
export function isAtCap(s: Pick<CapState, "dailyLeadCap" | "monthlyLeadCap" | "today" | "thisMonth">): boolean {
  return (s.dailyLeadCap !== null && s.today >= s.dailyLeadCap) || (s.monthlyLeadCap !== null && s.thisMonth >= s.monthlyLeadCap);
}

/** Until when a program at these counts takes no request: the end of each period whose cap is reached. */
export function reachedUntil(s: Pick<CapState, "dailyLeadCap" | "monthlyLeadCap" | "today" | "thisMonth">, now: Date): Date | null {
  const p = capPeriods(now);
  if (s.monthlyLeadCap !== null && s.thisMonth >= s.monthlyLeadCap) return p.monthEnd;
  if (s.dailyLeadCap !== null && s.today >= s.dailyLeadCap) return p.dayEnd;
  return null;
}

/** Billable leads of each program today and this month (the leads (program, created_at) index). */
async function countLeads(db: Db | Tx, programIds: number[], now: Date) {
  if (programIds.length === 0) return new Map<number, { today: number; thisMonth: number }>();
  const p = capPeriods(now);
  const rows = await db
    .select({
      programId: leads.programId,
      today: sql<number>`(count(*) filter (where ${leads.createdAt} >= ${p.dayStart.toISOString()}::timestamptz))::int`,
      thisMonth: sql<number>`count(*)::int`,
    })
    .from(leads)
    .where(
      and(
        inArray(leads.programId, programIds),
        gte(leads.createdAt, p.monthStart),
        lt(leads.createdAt, p.monthEnd),
        isNull(leads.duplicateOfId),
      ),
    )
    .groupBy(leads.programId);
  return new Map(rows.map((r) => [r.programId, { today: Number(r.today), thisMonth: Number(r.thisMonth) }]));
}

/**
 * Locks the rows of those programs that have a cap (in id order, so two transactions never wait on
 * each other) and counts their leads. Call inside the transaction that inserts the leads.
 */
export async function lockCappedPrograms(tx: Tx, programIds: number[], now: Date): Promise<CapState[]> {
  const ids = [...new Set(programIds)].sort((a, b) => a - b);
  if (ids.length === 0) return [];
  const capped = await tx
    .select({ id: programs.id, dailyLeadCap: programs.dailyLeadCap, monthlyLeadCap: programs.monthlyLeadCap })
    .from(programs)
    .where(and(inArray(programs.id, ids), or(isNotNull(programs.dailyLeadCap), isNotNull(programs.monthlyLeadCap))))
    .orderBy(programs.id)
    .for("update");
  const counts = await countLeads(tx, capped.map((c) => c.id), now);
  return capped.map((c) => ({
    programId: c.id,
    dailyLeadCap: c.dailyLeadCap,
    monthlyLeadCap: c.monthlyLeadCap,
    today: counts.get(c.id)?.today ?? 0,
    thisMonth: counts.get(c.id)?.thisMonth ?? 0,
  }));
}

/** Records until when a program takes no request (null: it takes them). */
export async function setCapReachedUntil(db: Db | Tx, programId: number, until: Date | null) {
  await db.update(programs).set({ leadCapReachedUntil: until }).where(eq(programs.id, programId));
}

/** Recomputes a program's capped state from its caps and its leads, e.g. after a school changed its caps. */
export async function refreshCapState(db: Db | Tx, programId: number, now = new Date()): Promise<Date | null> {
  const [program] = await db
    .select({ dailyLeadCap: programs.dailyLeadCap, monthlyLeadCap: programs.monthlyLeadCap })
    .from(programs)
    .where(eq(programs.id, programId));
  if (!program) return null;
  const counts = (await countLeads(db, [programId], now)).get(programId) ?? { today: 0, thisMonth: 0 };
  const until = reachedUntil({ ...program, ...counts }, now);
  await setCapReachedUntil(db, programId, until);
  return until;
}

/** SQL: the program takes no request now (for ad queries; one column of the program row, no count). */
export const programCappedSql = sql<boolean>`coalesce(${programs.leadCapReachedUntil} > now(), false)`;
