/**
 * One stored lead request with its consent record, made `createdAt` (for tests of the privacy and
 * retention code, which read requests by age). Its email is unique; `extra` overrides any column.
 */
import type { Db } from "@/db/client";
import { consentRecords, leadRequests } from "@/db/schema";

export async function insertLeadRequest(db: Db, createdAt: Date, extra: Partial<typeof leadRequests.$inferInsert> = {}): Promise<string> {
  const key = crypto.randomUUID();
  const [row] = await db
    .insert(leadRequests)
    .values({
      idempotencyKey: key,
      firstName: "Robin",
      lastName: "Test",
      email: `${key}@example.com`,
      phoneE164: "+12135550100",
      zip: "90012",
      educationLevel: "high_school",
      desiredStart: "immediately",
      createdAt,
      ...extra,
    })
    .returning({ id: leadRequests.id });
  await db.insert(consentRecords).values({
    requestId: row!.id,
    textVersion: "t1",
    text: "I agree.",
    textSha256: "x",
    schoolIds: [],
    schoolNames: [],
    consentedAt: createdAt,
  });
  return row!.id;
}
