import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { auditEvents, emailOutbox, leadRequests, leads, opsSettings, type LeadRequest } from "../schema";
import { PRIVACY_DUE_DAYS } from "@/lib/validations/ops-privacy";
import { SCRUBBED_PERSONAL_FIELDS } from "./leads";

/* Operators only. No personal fields leave here: ids and dates. */

export const RETENTION_KEY = "lead_retention_months";
export const DEFAULT_RETENTION_MONTHS = 24;
const DAY_MS = 86_400_000;

export type PrivacyState = "withdrawn" | "deletion_requested" | "scrubbed";
export type PrivacyRequestRow = {
  id: string;
  createdAt: Date;
  withdrawnAt: Date | null;
  deletionRequestedAt: Date | null;
  scrubbedAt: Date | null;
  state: PrivacyState;
  /** When the answer is due: 45 days after the request (deletion, else withdrawal). */
  dueAt: Date;
  /** Still open (not scrubbed) and past its due date. */
  overdue: boolean;
};

function stateOf(r: Pick<LeadRequest, "withdrawnAt" | "deletionRequestedAt" | "scrubbedAt">): PrivacyState {
  if (r.scrubbedAt) return "scrubbed";
  if (r.deletionRequestedAt) return "deletion_requested";
  return "withdrawn";
}

/** Withdrawals and deletion requests, newest request first; `open` = deletion requested and not yet scrubbed. */
export async function listPrivacyRequests(
  filter: { state?: PrivacyState | "open"; limit?: number; offset?: number; now?: Date } = {},
  db?: Db,
): Promise<{ rows: PrivacyRequestRow[]; total: number }> {
  const d = db ?? (await getDb());
  const now = filter.now ?? new Date();
  const isRequest = or(isNotNull(leadRequests.withdrawnAt), isNotNull(leadRequests.deletionRequestedAt));
  const byState: Record<string, SQL | undefined> = {
    open: and(isNotNull(leadRequests.deletionRequestedAt), isNull(leadRequests.scrubbedAt)),
    deletion_requested: and(isNotNull(leadRequests.deletionRequestedAt), isNull(leadRequests.scrubbedAt)),
    withdrawn: and(isNull(leadRequests.deletionRequestedAt), isNull(leadRequests.scrubbedAt)),
    scrubbed: isNotNull(leadRequests.scrubbedAt),
  };
  const where = and(isRequest, filter.state ? byState[filter.state] : undefined);
  const requestedAt = sql`coalesce(${leadRequests.deletionRequestedAt}, ${leadRequests.withdrawnAt})`;
  const [rows, [count]] = await Promise.all([
    d
      .select({
        id: leadRequests.id,
        createdAt: leadRequests.createdAt,
        withdrawnAt: leadRequests.withdrawnAt,
        deletionRequestedAt: leadRequests.deletionRequestedAt,
        scrubbedAt: leadRequests.scrubbedAt,
      })
      .from(leadRequests)
      .where(where)
      .orderBy(desc(requestedAt), asc(leadRequests.id))
      .limit(Math.min(filter.limit ?? 50, 200))
      .offset(filter.offset ?? 0),
    d.select({ n: sql<number>`count(*)::int` }).from(leadRequests).where(where),
  ]);
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => {
      const requested = r.deletionRequestedAt ?? r.withdrawnAt ?? r.createdAt;
      const dueAt = new Date(requested.getTime() + PRIVACY_DUE_DAYS * DAY_MS);
      const state = stateOf(r);
      return { ...r, state, dueAt, overdue: state !== "scrubbed" && dueAt < now };
    }),
  };
}

export async function getRetentionMonths(db?: Db): Promise<number> {
  const d = db ?? (await getDb());
  const [row] = await d.select({ value: opsSettings.value }).from(opsSettings).where(eq(opsSettings.key, RETENTION_KEY));
  const n = Number(row?.value);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_RETENTION_MONTHS;
}

export async function setRetentionMonths(months: number, userId: string | null, db?: Db): Promise<void> {
  const d = db ?? (await getDb());
  await d
    .insert(opsSettings)
    .values({ key: RETENTION_KEY, value: months, updatedBy: userId })
    .onConflictDoUpdate({ target: opsSettings.key, set: { value: months, updatedBy: userId, updatedAt: new Date() } });
}

const REDACTED = "[Removed: past the retention period.]";
const BATCH = 500;

/**
 * Scrubs the personal fields of lead requests made more than `months` months before `now` (and not
 * yet scrubbed), and the content of the emails that carried them. Consent records, leads (ids,
 * statuses, dates) and delivery records stay. Returns how many requests were scrubbed.
 */
export async function scrubExpiredLeadRequests(
  months: number,
  actor: { userId: string | null; ipAddress?: string | null; now?: Date },
  db?: Db,
): Promise<number> {
  const d = db ?? (await getDb());
  const now = actor.now ?? new Date();
  const cutoff = sql`${now.toISOString()}::timestamptz - make_interval(months => ${months}::int)`;
  return d.transaction(async (tx) => {
    let total = 0;
    for (;;) {
      const batch = await tx
        .select({ id: leadRequests.id })
        .from(leadRequests)
        .where(and(isNull(leadRequests.scrubbedAt), lt(leadRequests.createdAt, cutoff)))
        .limit(BATCH)
        .for("update");
      if (batch.length === 0) break;
      const ids = batch.map((b) => b.id);
      const scrubbed: Partial<LeadRequest> = { ...SCRUBBED_PERSONAL_FIELDS, scrubbedAt: now };
      await tx.update(leadRequests).set(scrubbed).where(inArray(leadRequests.id, ids));
      const leadIds = tx.select({ id: leads.id }).from(leads).where(inArray(leads.requestId, ids));
      await tx
        .update(emailOutbox)
        .set({
          html: `<p>${REDACTED}</p>`,
          text: REDACTED,
          toAddresses: sql`case when ${emailOutbox.kind} = 'student_confirmation' then array['[deleted]'] else ${emailOutbox.toAddresses} end`,
        })
        .where(
          or(
            inArray(emailOutbox.idempotencyKey, ids.map((id) => `student-confirmation:${id}`)),
            and(inArray(emailOutbox.leadId, leadIds), eq(emailOutbox.kind, "lead_notification")),
          ),
        );
      total += ids.length;
    }
    await tx.insert(auditEvents).values({
      action: "lead_requests.retention_scrub",
      actorUserId: actor.userId,
      metadata: { months, scrubbed: total },
      ipAddress: actor.ipAddress ?? null,
    });
    return total;
  });
}

/** When the scheduled retention scrub last started (ops_settings.updated_at of this key). */
export const RETENTION_SCRUB_RUN_KEY = "retention_scrub_last_run";

/**
 * Claims the scheduled retention scrub: true for exactly one caller once `everyMs` has passed since
 * the last claim, on any number of servers at once. One conditional upsert: a second server racing
 * for the same row waits for the first's row lock, then finds the claim fresh and gets nothing back.
 */
export async function claimScheduledRetentionScrub(now: Date, everyMs: number, db?: Db): Promise<boolean> {
  const d = db ?? (await getDb());
  const due = new Date(now.getTime() - everyMs);
  const claimed = await d
    .insert(opsSettings)
    .values({ key: RETENTION_SCRUB_RUN_KEY, value: now.toISOString(), updatedBy: null, updatedAt: now })
    .onConflictDoUpdate({
      target: opsSettings.key,
      set: { value: now.toISOString(), updatedAt: now },
      setWhere: lt(opsSettings.updatedAt, sql`${due.toISOString()}::timestamptz`),
    })
    .returning({ key: opsSettings.key });
  return claimed.length > 0;
}
