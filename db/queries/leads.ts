import "server-only";
import { and, asc, eq, gt, inArray, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import { enqueueEmail } from "@/lib/email/outbox";
import type { RenderedEmail } from "@/lib/email/render";
import { getDb, type Db, type Tx } from "../client";
import {
  auditEvents,
  campuses,
  consentRecords,
  emailOutbox,
  leadEvents,
  leadRequests,
  leads,
  programCampuses,
  programs,
  schoolLeadRecipients,
  schools,
  type CredentialLevel,
  type DeliveryMode,
  type LeadRequest,
} from "../schema";
import { isAtCap, lockCappedPrograms, programCappedSql, reachedUntil, setCapReachedUntil } from "./lead-caps";
import { lockKeys, retryOnDeadlock } from "./locks";
import { isListed } from "./programs";

/* ------------------------------------------------------------------ the form */

export type LeadCampus = { id: number; name: string; city: string; state: string; latitude: number; longitude: number };
export type LeadProgram = {
  id: number;
  slug: string;
  title: string;
  schoolId: number;
  schoolName: string;
  schoolSlug: string;
  programAreaId: number;
  credentialLevel: CredentialLevel;
  delivery: DeliveryMode;
  lengthMonths: number;
  /** At its daily or monthly lead cap: takes no request now (db/queries/lead-caps.ts). */
  capped: boolean;
  campuses: LeadCampus[];
};
export type RequestInfoContext = { program: LeadProgram; suggestions: LeadProgram[] };

const programColumns = {
  id: programs.id,
  slug: programs.slug,
  title: programs.title,
  schoolId: programs.schoolId,
  schoolName: schools.name,
  schoolSlug: schools.slug,
  programAreaId: programs.programAreaId,
  credentialLevel: programs.credentialLevel,
  delivery: programs.delivery,
  lengthMonths: programs.lengthMonths,
  capped: programCappedSql,
};

/** A program's campuses, by name, as a JSON array (read in the same statement as the program). */
const campusesJson = sql<LeadCampus[]>`coalesce((
  select json_agg(json_build_object('id', c.id, 'name', c.name, 'city', c.city, 'state', c.state,
    'latitude', c.latitude, 'longitude', c.longitude) order by c.name, c.id)
  from ${programCampuses} pc join ${campuses} c on c.id = pc.campus_id
  where pc.program_id = ${programs.id}), '[]'::json)`;

/** How many similar programs are read to find the three from different schools. */
const SUGGESTION_CANDIDATES = 20;

/**
 * A listed program with its campuses, and up to three similar programs (same area, other schools,
 * not at a lead cap, sponsored first) offered as "also send my request to". One statement: the
 * form is read for each dialog opened and again for each request sent, and on a busy server each
 * round trip to the database waits its turn. The candidates are picked on their own, in the order
 * of the directory's rank index, so that Postgres stops after twenty of them however many programs
 * the area has; the final select reads at most twenty-one rows by id, with their campuses.
 */
export async function getRequestInfoContext(by: { slug: string } | { id: number }, db?: Db): Promise<RequestInfoContext | null> {
  db ??= await getDb();
  const asked = db.$with("asked").as(
    db
      .select({ id: sql<number>`${programs.id}`.as("asked_id"), areaId: programs.programAreaId, schoolId: programs.schoolId })
      .from(programs)
      .innerJoin(schools, eq(schools.id, programs.schoolId))
      .where(and(isListed, "slug" in by ? eq(programs.slug, by.slug) : eq(programs.id, by.id)))
      .limit(1),
  );
  const picked = db.$with("candidates").as(
    db
      .select({ id: sql<number>`${programs.id}`.as("candidate_id") })
      .from(programs)
      .innerJoin(schools, eq(schools.id, programs.schoolId))
      .where(
        and(
          isListed,
          sql`${programs.programAreaId} = (select ${asked.areaId} from ${asked})`,
          sql`${programs.schoolId} <> (select ${asked.schoolId} from ${asked})`,
          sql`not ${programCappedSql}`,
        ),
      )
      .orderBy(sql`${programs.sponsoredRank} asc nulls last`, asc(programs.title), asc(programs.id))
      .limit(SUGGESTION_CANDIDATES),
  );
  const rows: LeadProgram[] = await db
    .with(asked, picked)
    .select({ ...programColumns, campuses: campusesJson })
    .from(programs)
    .innerJoin(schools, eq(schools.id, programs.schoolId))
    .where(sql`${programs.id} in (select asked_id from ${asked} union all select candidate_id from ${picked})`)
    .orderBy(
      sql`${programs.id} = (select asked_id from ${asked}) desc`,
      sql`${programs.sponsoredRank} asc nulls last`,
      asc(programs.title),
      asc(programs.id),
    );
  // The asked program comes first; the candidates are other schools' programs.
  const [program, ...candidates] = rows;
  if (!program || ("slug" in by ? program.slug !== by.slug : program.id !== by.id)) return null;
  const seen = new Set<number>();
  const suggestions = candidates.filter((c) => !seen.has(c.schoolId) && seen.add(c.schoolId)).slice(0, 3);
  return { program, suggestions };
}

/* ------------------------------------------------------------------ storing */

export type LeadTarget = {
  leadId: string;
  programId: number;
  schoolId: number;
  campusId: number | null;
  /** The school's email, rendered before the transaction; queued only when the lead is not a duplicate. */
  schoolEmail: RenderedEmail;
};

export type NewLeadRequestInput = {
  requestId: string;
  request: Omit<typeof leadRequests.$inferInsert, "id" | "createdAt" | "withdrawnAt" | "deletionRequestedAt" | "scrubbedAt">;
  targets: LeadTarget[];
  consent: Omit<typeof consentRecords.$inferInsert, "id" | "requestId" | "withdrawnAt">;
  studentEmail: RenderedEmail;
  duplicateWindowDays?: number;
  now?: Date;
};

export type StoredLead = { leadId: string; schoolId: number; duplicateOfId: string | null; duplicateSince: Date | null };
export type NewLeadRequestResult = {
  requestId: string;
  replayed: boolean;
  leads: StoredLead[];
  /** Programs this request brought to a lead cap: their ads change, so the directory's cache must expire. */
  capsReached?: number[];
};

/** A program of the request is at its lead cap: nothing is stored (the transaction rolls back). */
export class LeadCapReachedError extends Error {
  constructor(readonly programIds: number[]) {
    super("lead cap reached");
    this.name = "LeadCapReachedError";
  }
}

export async function findRequestIdByIdempotencyKey(key: string, db?: Db): Promise<string | null> {
  db ??= await getDb();
  const [row] = await db.select({ id: leadRequests.id }).from(leadRequests).where(eq(leadRequests.idempotencyKey, key)).limit(1);
  return row?.id ?? null;
}

/**
 * Stores one submission in one transaction: the request, one lead per school (a repeat to the same
 * school within the window is recorded as a duplicate, not billed, and not emailed), the consent
 * record, and the outbox rows. A replay of the same idempotency key returns the first request.
 */
export async function createLeadRequest(input: NewLeadRequestInput, db?: Db): Promise<NewLeadRequestResult> {
  db ??= await getDb();
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - (input.duplicateWindowDays ?? 30) * 86_400_000);
  // Statements that do not wait on each other's answers are sent together (`Promise.all` on the
  // transaction's one connection: postgres.js pipelines them and the server runs them in the order
  // sent). Under load each round trip waits its turn on a busy event loop, so the transaction takes
  // five of them instead of a dozen.
  // Run again if Postgres ends it to break a deadlock (db/queries/locks.ts): nothing is lost then.
  return retryOnDeadlock(() => db.transaction(async (tx) => {
    // Lead caps: the capped programs' rows stay locked until commit, so two requests at cap - 1
    // are counted one after the other and the second is refused. Program rows are locked before the
    // advisory locks below, in id order, by every submission: no two wait on each other.
    const [inserted, caps] = await Promise.all([
      tx
        .insert(leadRequests)
        .values({ ...input.request, id: input.requestId, createdAt: now })
        .onConflictDoNothing({ target: leadRequests.idempotencyKey })
        .returning({ id: leadRequests.id }),
      lockCappedPrograms(
        tx,
        input.targets.map((t) => t.programId),
        now,
      ),
    ]);
    if (inserted.length === 0) {
      const [first] = await tx
        .select({ id: leadRequests.id })
        .from(leadRequests)
        .where(eq(leadRequests.idempotencyKey, input.request.idempotencyKey));
      if (!first) throw new Error("idempotency conflict without a row");
      return { requestId: first.id, replayed: true, leads: await storedLeads(tx, first.id) };
    }
    const full = caps.filter(isAtCap).map((c) => c.programId);
    if (full.length > 0) throw new LeadCapReachedError(full);

    // Two submissions by one person to one school must not both become billable: serialise on the
    // school and the person's email and phone (sorted, so two transactions never wait on each other).
    // The look-ups for an earlier lead are sent with the lock and run once it is held.
    const keys = input.targets
      .flatMap((t) => [`lead:${t.schoolId}:e:${input.request.email}`, `lead:${t.schoolId}:p:${input.request.phoneE164}`])
      .sort();
    const [, ...earliest] = await Promise.all([
      lockKeys(tx, keys),
      ...input.targets.map((t) =>
        tx
          .select({ id: leads.id, createdAt: leads.createdAt })
          .from(leads)
          .innerJoin(leadRequests, eq(leadRequests.id, leads.requestId))
          .where(
            and(
              eq(leads.schoolId, t.schoolId),
              isNull(leads.duplicateOfId),
              gt(leads.createdAt, since),
              ne(leadRequests.id, input.requestId),
              isNull(leadRequests.withdrawnAt),
              isNull(leadRequests.scrubbedAt),
              or(eq(leadRequests.email, input.request.email), eq(leadRequests.phoneE164, input.request.phoneE164)),
            ),
          )
          .orderBy(asc(leads.createdAt))
          .limit(1),
      ),
    ]);
    const stored: StoredLead[] = input.targets.map((t, i) => {
      const earlier = earliest[i]?.[0];
      return { leadId: t.leadId, schoolId: t.schoolId, duplicateOfId: earlier?.id ?? null, duplicateSince: earlier?.createdAt ?? null };
    });

    const capsReached: { programId: number; until: Date }[] = [];
    for (const cap of caps) {
      const added = input.targets.filter((t, i) => t.programId === cap.programId && !stored[i]?.duplicateOfId).length;
      const until = reachedUntil({ ...cap, today: cap.today + added, thisMonth: cap.thisMonth + added }, now);
      if (until) capsReached.push({ programId: cap.programId, until });
    }
    const fresh = input.targets.filter((_, i) => !stored[i]?.duplicateOfId);
    const [, , , recipients] = await Promise.all([
      tx.insert(leads).values(
        input.targets.map((t, i) => ({
          id: t.leadId,
          requestId: input.requestId,
          schoolId: t.schoolId,
          programId: t.programId,
          campusId: t.campusId,
          duplicateOfId: stored[i]?.duplicateOfId ?? null,
          createdAt: now,
          updatedAt: now,
        })),
      ),
      tx.insert(leadEvents).values(
        stored.map((s) => ({
          leadId: s.leadId,
          kind: s.duplicateOfId ? "duplicate" : "created",
          toStatus: "new" as const,
          note: s.duplicateOfId ? "Same person asked this school within 30 days; recorded, not billed." : null,
          createdAt: now,
        })),
      ),
      tx.insert(consentRecords).values({ ...input.consent, requestId: input.requestId }),
      fresh.length === 0
        ? []
        : tx
            .select({ schoolId: schoolLeadRecipients.schoolId, campusId: schoolLeadRecipients.campusId, email: schoolLeadRecipients.email })
            .from(schoolLeadRecipients)
            .where(
              and(
                inArray(
                  schoolLeadRecipients.schoolId,
                  fresh.map((t) => t.schoolId),
                ),
                isNotNull(schoolLeadRecipients.confirmedAt),
              ),
            ),
      ...capsReached.map((cap) => setCapReachedUntil(tx, cap.programId, cap.until)),
    ]);

    const writes: Promise<unknown>[] = [];
    for (const t of fresh) {
      const to = [
        ...new Set(
          recipients.filter((r) => r.schoolId === t.schoolId && (r.campusId === null || r.campusId === t.campusId)).map((r) => r.email),
        ),
      ].sort();
      if (to.length === 0) {
        writes.push(tx.insert(leadEvents).values({ leadId: t.leadId, kind: "no_recipients", note: "The school has no confirmed lead recipient." }));
        continue;
      }
      writes.push(
        enqueueEmail(tx, {
          kind: "lead_notification",
          to,
          ...t.schoolEmail,
          idempotencyKey: `lead-notification:${t.leadId}`,
          leadId: t.leadId,
          schoolId: t.schoolId,
        }),
      );
    }
    if (fresh.length > 0) {
      writes.push(
        enqueueEmail(tx, {
          kind: "student_confirmation",
          to: [input.request.email],
          ...input.studentEmail,
          idempotencyKey: `student-confirmation:${input.requestId}`,
        }),
      );
    }
    await Promise.all(writes);
    return { requestId: input.requestId, replayed: false, leads: stored, capsReached: capsReached.map((c) => c.programId) };
  }));
}

async function storedLeads(db: Db | Tx, requestId: string): Promise<StoredLead[]> {
  const original = sql<Date | null>`(select o.created_at from leads o where o.id = ${leads.duplicateOfId})`;
  const rows = await db
    .select({ leadId: leads.id, schoolId: leads.schoolId, duplicateOfId: leads.duplicateOfId, duplicateSince: original })
    .from(leads)
    .where(eq(leads.requestId, requestId))
    .orderBy(asc(leads.createdAt), asc(leads.id));
  return rows.map((r) => ({ ...r, duplicateSince: r.duplicateSince ? new Date(r.duplicateSince) : null }));
}

/* --------------------------------------------------------- the student's view */

export type RequestSummary = {
  id: string;
  firstName: string;
  createdAt: Date;
  withdrawnAt: Date | null;
  deletionRequestedAt: Date | null;
  scrubbedAt: Date | null;
  programAreaIds: number[];
  leads: {
    leadId: string;
    schoolId: number;
    schoolName: string;
    programTitle: string;
    programSlug: string;
    campusName: string | null;
    duplicateOfId: string | null;
    duplicateSince: Date | null;
  }[];
};

export async function getRequestSummary(requestId: string, db?: Db): Promise<RequestSummary | null> {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) return null;
  db ??= await getDb();
  const [request] = await db
    .select({
      id: leadRequests.id,
      firstName: leadRequests.firstName,
      createdAt: leadRequests.createdAt,
      withdrawnAt: leadRequests.withdrawnAt,
      deletionRequestedAt: leadRequests.deletionRequestedAt,
      scrubbedAt: leadRequests.scrubbedAt,
    })
    .from(leadRequests)
    .where(eq(leadRequests.id, requestId));
  if (!request) return null;
  const original = sql<Date | string | null>`(select o.created_at from leads o where o.id = ${leads.duplicateOfId})`;
  const rows = await db
    .select({
      leadId: leads.id,
      schoolId: leads.schoolId,
      schoolName: schools.name,
      programTitle: programs.title,
      programSlug: programs.slug,
      programAreaId: programs.programAreaId,
      campusName: campuses.name,
      duplicateOfId: leads.duplicateOfId,
      duplicateSince: original,
    })
    .from(leads)
    .innerJoin(schools, eq(schools.id, leads.schoolId))
    .innerJoin(programs, eq(programs.id, leads.programId))
    .leftJoin(campuses, eq(campuses.id, leads.campusId))
    .where(eq(leads.requestId, requestId))
    .orderBy(asc(leads.createdAt), asc(schools.name));
  return {
    ...request,
    programAreaIds: [...new Set(rows.map((r) => r.programAreaId))],
    leads: rows.map((r) => ({
      leadId: r.leadId,
      schoolId: r.schoolId,
      schoolName: r.schoolName,
      programTitle: r.programTitle,
      programSlug: r.programSlug,
      campusName: r.campusName,
      duplicateOfId: r.duplicateOfId,
      duplicateSince: r.duplicateSince ? new Date(r.duplicateSince) : null,
    })),
  };
}

/** Schools to notify of a withdrawal: each non-duplicate lead of the request. */
export async function getWithdrawalTargets(requestId: string, db?: Db) {
  db ??= await getDb();
  return db
    .select({ leadId: leads.id, schoolId: leads.schoolId, schoolName: schools.name, programTitle: programs.title })
    .from(leads)
    .innerJoin(schools, eq(schools.id, leads.schoolId))
    .innerJoin(programs, eq(programs.id, leads.programId))
    .where(and(eq(leads.requestId, requestId), isNull(leads.duplicateOfId)));
}

/**
 * Records a withdrawal of consent: on the request, its consent record and each lead's history, and
 * queues a notice to each school (no personal details in it). Returns false when already withdrawn.
 */
export async function withdrawConsent(
  requestId: string,
  notices: { leadId: string; schoolId: number; email: RenderedEmail }[],
  meta: { ipAddress: string | null; now?: Date },
  db?: Db,
): Promise<boolean> {
  db ??= await getDb();
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => withdrawIn(tx, requestId, notices, meta.ipAddress, now));
}

async function withdrawIn(
  tx: Db | Tx,
  requestId: string,
  notices: { leadId: string; schoolId: number; email: RenderedEmail }[],
  ipAddress: string | null,
  now: Date,
): Promise<boolean> {
  const updated = await tx
    .update(leadRequests)
    .set({ withdrawnAt: now })
    .where(and(eq(leadRequests.id, requestId), isNull(leadRequests.withdrawnAt)))
    .returning({ id: leadRequests.id });
  if (updated.length === 0) return false;
  await tx.update(consentRecords).set({ withdrawnAt: now }).where(eq(consentRecords.requestId, requestId));
  const leadRows = await tx.select({ id: leads.id, schoolId: leads.schoolId }).from(leads).where(eq(leads.requestId, requestId));
  if (leadRows.length > 0) {
    await tx.insert(leadEvents).values(
      leadRows.map((l) => ({ leadId: l.id, kind: "consent_withdrawn", note: "The student withdrew consent to be contacted.", createdAt: now })),
    );
  }
  const recipients =
    notices.length === 0
      ? []
      : await tx
          .select({ schoolId: schoolLeadRecipients.schoolId, email: schoolLeadRecipients.email })
          .from(schoolLeadRecipients)
          .where(
            and(
              inArray(
                schoolLeadRecipients.schoolId,
                notices.map((n) => n.schoolId),
              ),
              isNotNull(schoolLeadRecipients.confirmedAt),
            ),
          );
  for (const n of notices) {
    const to = [...new Set(recipients.filter((r) => r.schoolId === n.schoolId).map((r) => r.email))].sort();
    if (to.length === 0) continue;
    await enqueueEmail(tx, { kind: "consent_withdrawn", to, ...n.email, idempotencyKey: `consent-withdrawn:${n.leadId}`, leadId: n.leadId, schoolId: n.schoolId });
  }
  await tx.insert(auditEvents).values({ action: "lead_request.consent_withdrawn", subjectType: "lead_request", subjectId: requestId, ipAddress });
  return true;
}

const REDACTED = "[Removed at the student's request.]";

/**
 * What a lead request's personal fields become when it is scrubbed (a deletion request, or the
 * retention rule). The consent record is kept apart and never scrubbed.
 */
export const SCRUBBED_PERSONAL_FIELDS = {
  firstName: "Deleted",
  lastName: "",
  email: "",
  phoneE164: "",
  zip: "",
  city: null,
  state: null,
  educationLevel: "",
  desiredStart: "",
  hsGradYear: null,
  militaryAffiliation: null,
  attribution: {},
} satisfies Partial<LeadRequest>;

/**
 * A deletion request: consent is withdrawn (schools are told), the personal fields are scrubbed and
 * so are the emails that carried them; the consent record, the proof the law asks us to keep, stays.
 * Returns false when the request was already scrubbed.
 */
export async function deleteLeadRequest(
  requestId: string,
  notices: { leadId: string; schoolId: number; email: RenderedEmail }[],
  meta: { ipAddress: string | null; now?: Date },
  db?: Db,
): Promise<boolean> {
  db ??= await getDb();
  const now = meta.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ scrubbedAt: leadRequests.scrubbedAt })
      .from(leadRequests)
      .where(eq(leadRequests.id, requestId))
      .for("update");
    if (!row || row.scrubbedAt) return false;
    await withdrawIn(tx, requestId, notices, meta.ipAddress, now);
    const scrubbed: Partial<LeadRequest> = { ...SCRUBBED_PERSONAL_FIELDS, deletionRequestedAt: now, scrubbedAt: now };
    await tx.update(leadRequests).set(scrubbed).where(eq(leadRequests.id, requestId));
    const leadIds = (await tx.select({ id: leads.id }).from(leads).where(eq(leads.requestId, requestId))).map((l) => l.id);
    const carriesPersonalData = or(
      eq(emailOutbox.idempotencyKey, `student-confirmation:${requestId}`),
      leadIds.length > 0 ? and(inArray(emailOutbox.leadId, leadIds), eq(emailOutbox.kind, "lead_notification")) : sql`false`,
    );
    // Not yet sent: never send it. Sent: keep the delivery record, drop the content.
    await tx
      .update(emailOutbox)
      .set({ status: "failed", lastError: "Cancelled: the student asked for deletion.", lockedUntil: null })
      .where(and(carriesPersonalData, inArray(emailOutbox.status, ["pending", "failed"])));
    await tx
      .update(emailOutbox)
      .set({
        html: `<p>${REDACTED}</p>`,
        text: REDACTED,
        toAddresses: sql`case when ${emailOutbox.kind} = 'student_confirmation' then array['[deleted]'] else ${emailOutbox.toAddresses} end`,
      })
      .where(carriesPersonalData);
    if (leadIds.length > 0) {
      await tx.insert(leadEvents).values(leadIds.map((id) => ({ leadId: id, kind: "personal_data_deleted", createdAt: now })));
    }
    await tx.insert(auditEvents).values({ action: "lead_request.deleted", subjectType: "lead_request", subjectId: requestId, ipAddress: meta.ipAddress });
    return true;
  });
}

/** The consent proof for one request (operators and tests). */
export async function getConsentRecord(requestId: string, db?: Db) {
  db ??= await getDb();
  const [row] = await db.select().from(consentRecords).where(eq(consentRecords.requestId, requestId));
  return row ?? null;
}
