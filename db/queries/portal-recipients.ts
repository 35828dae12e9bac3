import "server-only";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { enqueueEmail, type OutgoingEmail } from "@/lib/email/outbox";
import type { SchoolScope } from "@/lib/auth/scope";
import type { RecipientInput } from "@/lib/validations/recipient";
import { getDb, type Db } from "../client";
import { campuses, schoolLeadRecipients, schools } from "../schema";

/*
 * Who receives a school's lead emails (school_lead_recipients). Scoped to the caller's school:
 * scope.schoolId is in every WHERE clause. Lead delivery (db/queries/leads.ts) sends only to
 * confirmed recipients, a campus-scoped one only the leads for its campus.
 */

export type RecipientRow = {
  id: number;
  email: string;
  campusId: number | null;
  campusName: string | null;
  confirmedAt: Date | null;
  createdAt: Date;
};

const columns = {
  id: schoolLeadRecipients.id,
  email: schoolLeadRecipients.email,
  campusId: schoolLeadRecipients.campusId,
  campusName: campuses.name,
  confirmedAt: schoolLeadRecipients.confirmedAt,
  createdAt: schoolLeadRecipients.createdAt,
};

export async function listRecipients(scope: SchoolScope, db?: Db): Promise<RecipientRow[]> {
  const d = db ?? (await getDb());
  return d
    .select(columns)
    .from(schoolLeadRecipients)
    .leftJoin(campuses, and(eq(campuses.id, schoolLeadRecipients.campusId), eq(campuses.schoolId, scope.schoolId)))
    .where(eq(schoolLeadRecipients.schoolId, scope.schoolId))
    .orderBy(asc(schoolLeadRecipients.email), asc(schoolLeadRecipients.id));
}

export async function getRecipient(scope: SchoolScope, recipientId: number, db?: Db): Promise<RecipientRow | null> {
  const d = db ?? (await getDb());
  const [row] = await d
    .select(columns)
    .from(schoolLeadRecipients)
    .leftJoin(campuses, and(eq(campuses.id, schoolLeadRecipients.campusId), eq(campuses.schoolId, scope.schoolId)))
    .where(and(eq(schoolLeadRecipients.id, recipientId), eq(schoolLeadRecipients.schoolId, scope.schoolId)))
    .limit(1);
  return row ?? null;
}

/** The campus's name when it is a campus of this school; null otherwise. */
export async function getSchoolCampusName(scope: SchoolScope, campusId: number, db?: Db): Promise<string | null> {
  const d = db ?? (await getDb());
  const [row] = await d
    .select({ name: campuses.name })
    .from(campuses)
    .where(and(eq(campuses.id, campusId), eq(campuses.schoolId, scope.schoolId)))
    .limit(1);
  return row?.name ?? null;
}

/** A confirmation email, rendered by the caller for the token it made. */
type Confirmation = { tokenHash: string; email: Omit<OutgoingEmail, "kind" | "to" | "idempotencyKey" | "schoolId"> };

export type AddRecipientResult = { ok: true; id: number } | { ok: false; reason: "duplicate" | "bad_campus" };

/**
 * Adds an unconfirmed recipient and queues its confirmation email, in one transaction. A campus
 * must be one of this school's; an address already on the school's list is refused.
 */
export async function addRecipient(scope: SchoolScope, input: RecipientInput, confirmation: Confirmation, db?: Db): Promise<AddRecipientResult> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    if (input.campusId !== null) {
      const [campus] = await tx
        .select({ id: campuses.id })
        .from(campuses)
        .where(and(eq(campuses.id, input.campusId), eq(campuses.schoolId, scope.schoolId)));
      if (!campus) return { ok: false, reason: "bad_campus" } as const;
    }
    const [row] = await tx
      .insert(schoolLeadRecipients)
      .values({ schoolId: scope.schoolId, campusId: input.campusId, email: input.email, confirmationTokenHash: confirmation.tokenHash })
      .onConflictDoNothing({ target: [schoolLeadRecipients.schoolId, schoolLeadRecipients.email] })
      .returning({ id: schoolLeadRecipients.id });
    if (!row) return { ok: false, reason: "duplicate" } as const;
    await enqueueEmail(tx, {
      kind: "recipient_confirmation",
      to: [input.email],
      ...confirmation.email,
      idempotencyKey: `recipient-confirmation:${row.id}:${confirmation.tokenHash.slice(0, 24)}`,
      schoolId: scope.schoolId,
    });
    return { ok: true, id: row.id } as const;
  });
}

/**
 * A new confirmation link for a recipient still waiting (the old link stops working). Returns
 * "not_found" for another school's recipient, "confirmed" when there is nothing to confirm.
 */
export async function resendRecipientConfirmation(
  scope: SchoolScope,
  recipientId: number,
  confirmation: Confirmation,
  db?: Db,
): Promise<"sent" | "confirmed" | "not_found"> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    const [row] = await tx
      .update(schoolLeadRecipients)
      .set({ confirmationTokenHash: confirmation.tokenHash })
      .where(
        and(
          eq(schoolLeadRecipients.id, recipientId),
          eq(schoolLeadRecipients.schoolId, scope.schoolId),
          isNull(schoolLeadRecipients.confirmedAt),
        ),
      )
      .returning({ email: schoolLeadRecipients.email });
    if (!row) {
      const [exists] = await tx
        .select({ id: schoolLeadRecipients.id })
        .from(schoolLeadRecipients)
        .where(and(eq(schoolLeadRecipients.id, recipientId), eq(schoolLeadRecipients.schoolId, scope.schoolId)));
      return exists ? "confirmed" : "not_found";
    }
    await enqueueEmail(tx, {
      kind: "recipient_confirmation",
      to: [row.email],
      ...confirmation.email,
      idempotencyKey: `recipient-confirmation:${recipientId}:${confirmation.tokenHash.slice(0, 24)}`,
      schoolId: scope.schoolId,
    });
    return "sent";
  });
}

/** Removes a recipient of this school; it gets no further lead. */
export async function removeRecipient(scope: SchoolScope, recipientId: number, db?: Db): Promise<{ email: string } | null> {
  const d = db ?? (await getDb());
  const [row] = await d
    .delete(schoolLeadRecipients)
    .where(and(eq(schoolLeadRecipients.id, recipientId), eq(schoolLeadRecipients.schoolId, scope.schoolId)))
    .returning({ email: schoolLeadRecipients.email });
  return row ?? null;
}

/** How many confirmed recipients the school has (with none, leads are stored but emailed to nobody). */
export async function countConfirmedRecipients(scope: SchoolScope, db?: Db): Promise<number> {
  const d = db ?? (await getDb());
  const [row] = await d
    .select({ n: sql<number>`count(*)::int` })
    .from(schoolLeadRecipients)
    .where(and(eq(schoolLeadRecipients.schoolId, scope.schoolId), isNotNull(schoolLeadRecipients.confirmedAt)));
  return Number(row?.n ?? 0);
}

/* -------------------------------------------- the recipient's own link (no session) */

export type PendingConfirmation = { id: number; email: string; schoolId: number; schoolName: string; campusName: string | null };

/** What a confirmation link is for, while it still works (unused; its recipient not removed). */
export async function getPendingConfirmation(tokenHash: string, db?: Db): Promise<PendingConfirmation | null> {
  const d = db ?? (await getDb());
  const [row] = await d
    .select({
      id: schoolLeadRecipients.id,
      email: schoolLeadRecipients.email,
      schoolId: schoolLeadRecipients.schoolId,
      schoolName: schools.name,
      campusName: campuses.name,
    })
    .from(schoolLeadRecipients)
    .innerJoin(schools, eq(schools.id, schoolLeadRecipients.schoolId))
    .leftJoin(campuses, eq(campuses.id, schoolLeadRecipients.campusId))
    .where(and(eq(schoolLeadRecipients.confirmationTokenHash, tokenHash), isNull(schoolLeadRecipients.confirmedAt)))
    .limit(1);
  return row ?? null;
}

/** Confirms the recipient whose link this is; the link then stops working. Null when already used. */
export async function confirmRecipient(tokenHash: string, now = new Date(), db?: Db): Promise<{ id: number; schoolId: number } | null> {
  const d = db ?? (await getDb());
  const [row] = await d
    .update(schoolLeadRecipients)
    .set({ confirmedAt: now, confirmationTokenHash: null })
    .where(and(eq(schoolLeadRecipients.confirmationTokenHash, tokenHash), isNull(schoolLeadRecipients.confirmedAt)))
    .returning({ id: schoolLeadRecipients.id, schoolId: schoolLeadRecipients.schoolId });
  return row ?? null;
}
