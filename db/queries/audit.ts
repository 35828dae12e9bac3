import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../client";
import { auditEvents, type AuditEvent } from "../schema";
import { safeErrorSummary } from "@/lib/log";

export type AuditInput = {
  /** Dotted verb: "auth.sign_in", "authz.denied", "lead.viewed", "leads.exported", "program.updated"... */
  action: string;
  actorUserId?: string | null;
  schoolId?: number | null;
  subjectType?: string;
  subjectId?: string | number;
  /** Never personal data of leads: ids, counts, filters by id, field names. */
  metadata?: Record<string, unknown>;
  ipAddress?: string | null;
};

/** Writes one audit event. Failing to audit must not hide the error that caused it, so it never throws. */
export async function recordAudit(event: AuditInput, db?: Db | Tx): Promise<void> {
  try {
    const d = db ?? (await getDb());
    await d.insert(auditEvents).values({
      action: event.action,
      actorUserId: event.actorUserId ?? null,
      schoolId: event.schoolId ?? null,
      subjectType: event.subjectType,
      subjectId: event.subjectId === undefined ? undefined : String(event.subjectId),
      metadata: event.metadata ?? {},
      ipAddress: event.ipAddress ?? null,
    });
  } catch (error) {
    console.error("audit: could not record", event.action, safeErrorSummary(error));
  }
}

export async function listAuditEvents(filter: { schoolId?: number; action?: string; limit?: number } = {}, db?: Db): Promise<AuditEvent[]> {
  const d = db ?? (await getDb());
  const conditions = [
    filter.schoolId === undefined ? undefined : eq(auditEvents.schoolId, filter.schoolId),
    filter.action === undefined ? undefined : eq(auditEvents.action, filter.action),
  ];
  return d
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit ?? 100);
}
