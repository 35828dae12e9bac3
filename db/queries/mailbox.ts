import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { emailOutbox } from "../schema";

/*
 * Read-only view of the outbox for the operator's mailbox page. The leads area's
 * db/queries/outbox.ts (listOutbox/getOutboxEmail) supersedes this once it is on main.
 */

export async function listMailbox(limit = 100, db?: Db) {
  const d = db ?? (await getDb());
  return d
    .select({
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      to: emailOutbox.toAddresses,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(limit);
}

export async function getMailboxEmail(id: string, db?: Db) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const d = db ?? (await getDb());
  const [row] = await d.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  return row ?? null;
}
