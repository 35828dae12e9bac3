import "server-only";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { auditEvents, emailOutbox, schools, type OutboxEmail } from "../schema";

/**
 * The email outbox: claimed by delivery workers, read by the operators' mailbox and deliveries
 * pages. Claims use FOR UPDATE SKIP LOCKED, so several workers never take one row; a claimed row is
 * locked until `locked_until`, after which a crashed worker's row is picked up again.
 */

export type OutboxStatus = OutboxEmail["status"];

/** Claims up to `limit` due rows: pending and due, or sending with an expired lock. */
export async function claimDueEmails(db: Db, options: { limit: number; lockSeconds: number; now?: Date }): Promise<OutboxEmail[]> {
  const now = options.now ?? new Date();
  const lockedUntil = new Date(now.getTime() + options.lockSeconds * 1000);
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      sql`(${emailOutbox.status} = 'pending' and ${emailOutbox.nextAttemptAt} <= ${now.toISOString()}::timestamptz)
        or (${emailOutbox.status} = 'sending' and ${emailOutbox.lockedUntil} < ${now.toISOString()}::timestamptz)`,
    )
    .orderBy(emailOutbox.nextAttemptAt)
    .limit(options.limit)
    .for("update", { skipLocked: true });
  return db
    .update(emailOutbox)
    .set({ status: "sending", lockedUntil, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(inArray(emailOutbox.id, due))
    .returning();
}

/** Marks a claimed row sent; only while it is still ours (status sending). */
export async function markEmailSent(
  db: Db,
  id: string,
  result: { transport: string; providerMessageId: string | null; now?: Date },
): Promise<void> {
  await db
    .update(emailOutbox)
    .set({
      status: "sent",
      transport: result.transport,
      providerMessageId: result.providerMessageId,
      sentAt: result.now ?? new Date(),
      lockedUntil: null,
      lastError: null,
    })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "sending")));
}

export async function markEmailRetry(db: Db, id: string, result: { transport: string; error: string; nextAttemptAt: Date }): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ status: "pending", transport: result.transport, lastError: result.error, nextAttemptAt: result.nextAttemptAt, lockedUntil: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "sending")));
}

export async function markEmailFailed(db: Db, id: string, result: { transport: string; error: string }): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ status: "failed", transport: result.transport, lastError: result.error, lockedUntil: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "sending")));
}

/** The earliest time a row becomes due, or null when nothing waits: lets a worker sleep precisely. */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(case when ${emailOutbox.status} = 'pending' then ${emailOutbox.nextAttemptAt} else ${emailOutbox.lockedUntil} end)` })
    .from(emailOutbox)
    .where(inArray(emailOutbox.status, ["pending", "sending"]));
  return row?.at ? new Date(row.at) : null;
}

/* --------------------------------------------------- operators' mailbox and deliveries */

export type OutboxListItem = Pick<
  OutboxEmail,
  "id" | "kind" | "toAddresses" | "subject" | "status" | "transport" | "attempts" | "lastError" | "createdAt" | "sentAt" | "nextAttemptAt" | "leadId" | "schoolId"
> & { schoolName: string | null };

export type OutboxFilter = {
  status?: OutboxStatus;
  kind?: string;
  schoolId?: number;
  /** "local" for the mailbox of emails that never left the app. */
  transport?: string;
  limit?: number;
  offset?: number;
};

/** Newest first. For /ops (operators only: the caller checks the role). */
export async function listOutbox(filter: OutboxFilter = {}, db?: Db): Promise<{ rows: OutboxListItem[]; total: number }> {
  db ??= await getDb();
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(emailOutbox.status, filter.status));
  if (filter.kind) conditions.push(eq(emailOutbox.kind, filter.kind));
  if (filter.schoolId) conditions.push(eq(emailOutbox.schoolId, filter.schoolId));
  if (filter.transport) conditions.push(eq(emailOutbox.transport, filter.transport));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: emailOutbox.id,
        kind: emailOutbox.kind,
        toAddresses: emailOutbox.toAddresses,
        subject: emailOutbox.subject,
        status: emailOutbox.status,
        transport: emailOutbox.transport,
        attempts: emailOutbox.attempts,
        lastError: emailOutbox.lastError,
        createdAt: emailOutbox.createdAt,
        sentAt: emailOutbox.sentAt,
        nextAttemptAt: emailOutbox.nextAttemptAt,
        leadId: emailOutbox.leadId,
        schoolId: emailOutbox.schoolId,
        schoolName: schools.name,
      })
      .from(emailOutbox)
      .leftJoin(schools, eq(schools.id, emailOutbox.schoolId))
      .where(where)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(Math.min(filter.limit ?? 50, 200))
      .offset(filter.offset ?? 0),
    db.select({ n: sql<number>`count(*)::int` }).from(emailOutbox).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** One email with its body, for the mailbox's reading pane. Render `html` only in a sandboxed iframe. */
export async function getOutboxEmail(id: string, db?: Db): Promise<OutboxEmail | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  db ??= await getDb();
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  return row ?? null;
}

/**
 * An operator's "resend" of a failed delivery: due again now, with a fresh set of attempts. The
 * idempotency key stays, so a delivery the provider did accept is not sent twice.
 * Returns false when the row is not failed.
 */
export async function resendDelivery(
  id: string,
  actor: { userId?: string | null; ipAddress?: string | null } = {},
  db?: Db,
): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  db ??= await getDb();
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(emailOutbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null })
      .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "failed")))
      .returning({ id: emailOutbox.id, schoolId: emailOutbox.schoolId });
    const row = updated[0];
    if (!row) return false;
    await tx.insert(auditEvents).values({
      actorUserId: actor.userId ?? null,
      action: "delivery.resend",
      schoolId: row.schoolId,
      subjectType: "email_outbox",
      subjectId: row.id,
      ipAddress: actor.ipAddress ?? null,
    });
    return true;
  });
}

/** Counts by status, for a deliveries dashboard. */
export async function outboxCounts(db?: Db): Promise<Record<OutboxStatus, number>> {
  db ??= await getDb();
  const rows = await db.select({ status: emailOutbox.status, n: sql<number>`count(*)::int` }).from(emailOutbox).groupBy(emailOutbox.status);
  const out: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}
