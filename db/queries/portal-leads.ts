import "server-only";
import { and, asc, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { campuses, consentRecords, emailOutbox, leadEvents, leadRequests, leads, programs, users, type LeadStatus } from "../schema";
import type { SchoolScope } from "@/lib/auth/scope";
import type { LeadFilterInput } from "@/lib/validations/school";

/* Leads of the caller's school only: scope.schoolId is in every WHERE clause. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isLeadId = (id: string) => UUID.test(id);

function filterConditions(scope: SchoolScope, f: LeadFilterInput): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(leads.schoolId, scope.schoolId)];
  if (f.from) conditions.push(gte(leads.createdAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) conditions.push(lt(leads.createdAt, sql`${`${f.to}T00:00:00Z`}::timestamptz + interval '1 day'`));
  if (f.program) conditions.push(eq(leads.programId, f.program));
  if (f.campus) conditions.push(eq(leads.campusId, f.campus));
  if (f.status) conditions.push(eq(leads.status, f.status));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(leadRequests.email, like),
        ilike(sql`${leadRequests.firstName} || ' ' || ${leadRequests.lastName}`, like),
      ),
    );
  }
  return and(...conditions);
}

const listColumns = {
  id: leads.id,
  createdAt: leads.createdAt,
  status: leads.status,
  firstName: leadRequests.firstName,
  lastName: leadRequests.lastName,
  email: leadRequests.email,
  phone: leadRequests.phoneE164,
  zip: leadRequests.zip,
  programId: leads.programId,
  programTitle: programs.title,
  campusName: campuses.name,
};

export type LeadListRow = {
  id: string;
  createdAt: Date;
  status: LeadStatus;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  zip: string;
  programId: number;
  programTitle: string;
  campusName: string | null;
};

export async function listLeads(scope: SchoolScope, filters: LeadFilterInput, limit = 100, db?: Db): Promise<LeadListRow[]> {
  const d = db ?? (await getDb());
  return d
    .select(listColumns)
    .from(leads)
    .innerJoin(leadRequests, eq(leadRequests.id, leads.requestId))
    .innerJoin(programs, eq(programs.id, leads.programId))
    .leftJoin(campuses, eq(campuses.id, leads.campusId))
    .where(filterConditions(scope, filters))
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(limit);
}

/** Leads that arrived after a moment, newest first: what the live list adds without a reload. */
export async function listLeadsSince(scope: SchoolScope, filters: LeadFilterInput, since: Date, db?: Db): Promise<LeadListRow[]> {
  const d = db ?? (await getDb());
  return d
    .select(listColumns)
    .from(leads)
    .innerJoin(leadRequests, eq(leadRequests.id, leads.requestId))
    .innerJoin(programs, eq(programs.id, leads.programId))
    .leftJoin(campuses, eq(campuses.id, leads.campusId))
    .where(and(filterConditions(scope, filters), sql`${leads.createdAt} > ${since.toISOString()}::timestamptz`))
    .orderBy(desc(leads.createdAt), desc(leads.id))
    .limit(100);
}

/**
 * Every lead matching the filters, with consent time and text version, in pages of `batch` rows
 * (keyset by time and id), so an export streams without holding the whole list in memory.
 */
export async function* iterateLeadsForExport(scope: SchoolScope, filters: LeadFilterInput, batch = 500, db?: Db) {
  const d = db ?? (await getDb());
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const cursor: SQL | undefined = after
      ? sql`(${leads.createdAt}, ${leads.id}) > (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
      : undefined;
    const rows = await d
      .select({
        ...listColumns,
        city: leadRequests.city,
        state: leadRequests.state,
        educationLevel: leadRequests.educationLevel,
        desiredStart: leadRequests.desiredStart,
        closedReason: leads.closedReason,
        consentedAt: consentRecords.consentedAt,
        consentTextVersion: consentRecords.textVersion,
      })
      .from(leads)
      .innerJoin(leadRequests, eq(leadRequests.id, leads.requestId))
      .innerJoin(programs, eq(programs.id, leads.programId))
      .leftJoin(campuses, eq(campuses.id, leads.campusId))
      .leftJoin(consentRecords, eq(consentRecords.requestId, leads.requestId))
      .where(and(filterConditions(scope, filters), cursor))
      .orderBy(asc(leads.createdAt), asc(leads.id))
      .limit(batch);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < batch) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

export async function getLeadDetail(scope: SchoolScope, leadId: string, db?: Db) {
  if (!isLeadId(leadId)) return null;
  const d = db ?? (await getDb());
  const [lead] = await d
    .select({
      id: leads.id,
      status: leads.status,
      closedReason: leads.closedReason,
      createdAt: leads.createdAt,
      duplicateOfId: leads.duplicateOfId,
      requestId: leads.requestId,
      programTitle: programs.title,
      campusName: campuses.name,
      request: leadRequests,
    })
    .from(leads)
    .innerJoin(leadRequests, eq(leadRequests.id, leads.requestId))
    .innerJoin(programs, eq(programs.id, leads.programId))
    .leftJoin(campuses, eq(campuses.id, leads.campusId))
    .where(and(eq(leads.id, leadId), eq(leads.schoolId, scope.schoolId)))
    .limit(1);
  if (!lead) return null;
  const [consent] = await d.select().from(consentRecords).where(eq(consentRecords.requestId, lead.requestId));
  const history = await d
    .select({
      id: leadEvents.id,
      kind: leadEvents.kind,
      fromStatus: leadEvents.fromStatus,
      toStatus: leadEvents.toStatus,
      note: leadEvents.note,
      createdAt: leadEvents.createdAt,
      actor: users.email,
    })
    .from(leadEvents)
    .leftJoin(users, eq(users.id, leadEvents.actorUserId))
    .where(eq(leadEvents.leadId, lead.id))
    .orderBy(asc(leadEvents.createdAt), asc(leadEvents.id));
  const deliveries = await d
    .select({
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      to: emailOutbox.toAddresses,
      status: emailOutbox.status,
      transport: emailOutbox.transport,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.leadId, lead.id), eq(emailOutbox.schoolId, scope.schoolId)))
    .orderBy(asc(emailOutbox.createdAt));
  return { ...lead, consent: consent ? ownPartOfConsent(consent, scope.schoolId) : null, history, deliveries };
}

/** Moves a lead of this school to a status (or adds a note) and records it in the lead's history. */
export async function updateLeadStatus(
  scope: SchoolScope,
  leadId: string,
  change: { status: LeadStatus; closedReason: string; note: string },
  db?: Db,
): Promise<boolean> {
  if (!isLeadId(leadId)) return false;
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: leads.status })
      .from(leads)
      .where(and(eq(leads.id, leadId), eq(leads.schoolId, scope.schoolId)))
      .for("update");
    if (!current) return false;
    const changed = current.status !== change.status;
    await tx
      .update(leads)
      .set({ status: change.status, closedReason: change.status === "closed" ? change.closedReason : null, updatedAt: new Date() })
      .where(and(eq(leads.id, leadId), eq(leads.schoolId, scope.schoolId)));
    if (changed || change.note) {
      await tx.insert(leadEvents).values({
        leadId,
        actorUserId: scope.userId,
        kind: changed ? "status_changed" : "note",
        fromStatus: changed ? current.status : null,
        toStatus: changed ? change.status : null,
        note: [change.status === "closed" && changed ? `Reason: ${change.closedReason}` : "", change.note].filter(Boolean).join("\n") || null,
      });
    }
    return true;
  });
}

/**
 * The consent record as one school may see it. A student may ask several schools at once and the
 * record names them all; a school sees only itself among the schools named, and the other names in
 * the text shown are replaced (the stored text and its hash stay whole, for proof).
 */
export function ownPartOfConsent<T extends { schoolIds: number[]; schoolNames: string[]; text: string }>(consent: T, schoolId: number): T {
  const mine = consent.schoolNames.filter((_, i) => consent.schoolIds[i] === schoolId);
  const others = consent.schoolNames.filter((name, i) => consent.schoolIds[i] !== schoolId && !mine.includes(name)).sort((x, y) => y.length - x.length);
  // Own names are set aside first, so another school whose name is part of this one's leaves it whole.
  let text = consent.text;
  mine.forEach((name, i) => (text = text.split(name).join(`\u0000${i}\u0000`)));
  for (const name of others) text = text.split(name).join("another school");
  mine.forEach((name, i) => (text = text.split(`\u0000${i}\u0000`).join(name)));
  return { ...consent, schoolIds: consent.schoolIds.filter((id) => id === schoolId), schoolNames: mine, text };
}
