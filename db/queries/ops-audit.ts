import "server-only";
import { and, desc, eq, gte, ilike, lt, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { auditEvents, schools, users } from "../schema";

/* Operators only. */

export type AuditFilter = {
  /** Exact action, or a prefix ending in "." ("program." for every program event). */
  action?: string;
  /** Part of the actor's email. */
  actor?: string;
  schoolId?: number;
  /** [from, to) in UTC. */
  from?: Date;
  to?: Date;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listAuditPage(filter: AuditFilter, page: { limit: number; offset: number }, db?: Db) {
  const d = db ?? (await getDb());
  const conditions: SQL[] = [];
  if (filter.action) {
    conditions.push(filter.action.endsWith(".") ? sql`${auditEvents.action} like ${escapeLike(filter.action) + "%"}` : eq(auditEvents.action, filter.action));
  }
  if (filter.actor) conditions.push(ilike(users.email, `%${escapeLike(filter.actor)}%`));
  if (filter.schoolId) conditions.push(eq(auditEvents.schoolId, filter.schoolId));
  if (filter.from) conditions.push(gte(auditEvents.createdAt, filter.from));
  if (filter.to) conditions.push(lt(auditEvents.createdAt, filter.to));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [count]] = await Promise.all([
    d
      .select({
        id: auditEvents.id,
        createdAt: auditEvents.createdAt,
        action: auditEvents.action,
        actorEmail: users.email,
        schoolId: auditEvents.schoolId,
        schoolName: schools.name,
        subjectType: auditEvents.subjectType,
        subjectId: auditEvents.subjectId,
        metadata: auditEvents.metadata,
        ipAddress: auditEvents.ipAddress,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .leftJoin(schools, eq(schools.id, auditEvents.schoolId))
      .where(where)
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(Math.min(page.limit, 200))
      .offset(page.offset),
    d
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(where),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** The actions that occur, for the filter's list. */
export async function listAuditActions(db?: Db): Promise<string[]> {
  const d = db ?? (await getDb());
  const rows = await d.selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(auditEvents.action).limit(500);
  return rows.map((r) => r.action);
}
