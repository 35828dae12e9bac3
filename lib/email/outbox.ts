import { emailOutbox } from "@/db/schema";
import type { Db, Tx } from "@/db/client";

export type OutgoingEmail = {
  /** What the email is for, e.g. "lead_notification", "student_confirmation", "magic_link". */
  kind: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** Stable for one logical email: the same key twice is one email, never two. */
  idempotencyKey: string;
  leadId?: string;
  schoolId?: number;
};

/**
 * Puts an email in the outbox. Call it inside the transaction that caused the email, so the two
 * commit together; the delivery worker sends it (to the provider, or to the local mailbox when no
 * provider key is set). Returns false when an email with this idempotency key already exists.
 */
export async function enqueueEmail(db: Db | Tx, email: OutgoingEmail): Promise<boolean> {
  const inserted = await db
    .insert(emailOutbox)
    .values({
      kind: email.kind,
      toAddresses: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      idempotencyKey: email.idempotencyKey,
      leadId: email.leadId,
      schoolId: email.schoolId,
    })
    .onConflictDoNothing({ target: emailOutbox.idempotencyKey })
    .returning({ id: emailOutbox.id });
  return inserted.length > 0;
}
