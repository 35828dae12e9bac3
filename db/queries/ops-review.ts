import "server-only";
import { and, asc, eq, isNotNull, or } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { auditEvents, programAreas, programs, schoolMemberships, schools, users } from "../schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { listingRejectedEmail } from "@/lib/email/listing-review";

/* Operators only: callers have checked the role. */

/** Listings waiting for review, oldest first: new ones (in_review) and edits to live ones (pending_changes). */
export async function listReviewItems(db?: Db) {
  const d = db ?? (await getDb());
  return d
    .select({
      id: programs.id,
      title: programs.title,
      slug: programs.slug,
      status: programs.status,
      description: programs.description,
      credentialLevel: programs.credentialLevel,
      delivery: programs.delivery,
      lengthMonths: programs.lengthMonths,
      highlights: programs.highlights,
      websiteUrl: programs.websiteUrl,
      pendingChanges: programs.pendingChanges,
      areaName: programAreas.name,
      schoolId: schools.id,
      schoolName: schools.name,
      updatedAt: programs.updatedAt,
    })
    .from(programs)
    .innerJoin(schools, eq(schools.id, programs.schoolId))
    .innerJoin(programAreas, eq(programAreas.id, programs.programAreaId))
    .where(or(eq(programs.status, "in_review"), isNotNull(programs.pendingChanges)))
    .orderBy(asc(programs.updatedAt), asc(programs.id))
    .limit(200);
}

/**
 * Sends a listing back with a reason, in one transaction: a new listing returns to draft, a pending
 * edit is dropped, `review_note` keeps the reason, each admin of the school gets it by email, and
 * the audit log records it. Null when there was nothing waiting for review.
 */
export async function rejectListing(
  programId: number,
  note: string,
  actor: { userId: string; ipAddress?: string | null; portalUrl: string },
  db?: Db,
): Promise<{ schoolId: number; title: string; emailedTo: number } | null> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    const [program] = await tx
      .select({ id: programs.id, title: programs.title, status: programs.status, pendingChanges: programs.pendingChanges, schoolId: programs.schoolId })
      .from(programs)
      .where(and(eq(programs.id, programId), or(eq(programs.status, "in_review"), isNotNull(programs.pendingChanges))))
      .for("update");
    if (!program) return null;
    const wasEdit = program.status !== "in_review";
    await tx
      .update(programs)
      .set({ status: wasEdit ? program.status : "draft", pendingChanges: null, reviewNote: note, updatedAt: new Date() })
      .where(eq(programs.id, programId));
    const [school] = await tx.select({ name: schools.name }).from(schools).where(eq(schools.id, program.schoolId));
    const admins = await tx
      .select({ email: users.email })
      .from(schoolMemberships)
      .innerJoin(users, eq(users.id, schoolMemberships.userId))
      .where(and(eq(schoolMemberships.schoolId, program.schoolId), eq(schoolMemberships.role, "admin")));
    const to = [...new Set(admins.map((a) => a.email))].sort();
    const [audit] = await tx
      .insert(auditEvents)
      .values({
        action: "program.rejected",
        actorUserId: actor.userId,
        schoolId: program.schoolId,
        subjectType: "program",
        subjectId: String(programId),
        metadata: { wasEdit, emailedAdmins: to.length },
        ipAddress: actor.ipAddress ?? null,
      })
      .returning({ id: auditEvents.id });
    if (to.length > 0) {
      await enqueueEmail(tx, {
        kind: "listing_rejected",
        to,
        ...listingRejectedEmail({ programTitle: program.title, schoolName: school?.name ?? "", note, wasEdit, portalUrl: actor.portalUrl }),
        // One email per rejection: the audit event's id makes the key.
        idempotencyKey: `listing-rejected:${programId}:${audit?.id ?? crypto.randomUUID()}`,
        schoolId: program.schoolId,
      });
    }
    return { schoolId: program.schoolId, title: program.title, emailedTo: to.length };
  });
}
