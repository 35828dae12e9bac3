import { eq, notExists } from "drizzle-orm";
import type { Db } from "../client";
import { schoolLeadRecipients, schools } from "../schema";

/**
 * One confirmed lead recipient per school that has none: admissions@<school-slug>.example (a reserved
 * domain). Idempotent.
 */
export async function seedLeadRecipients(db: Db): Promise<{ recipients: number }> {
  const missing = await db
    .select({ id: schools.id, slug: schools.slug })
    .from(schools)
    .where(notExists(db.select({ id: schoolLeadRecipients.id }).from(schoolLeadRecipients).where(eq(schoolLeadRecipients.schoolId, schools.id))));
  if (missing.length === 0) return { recipients: 0 };
  const now = new Date();
  const inserted = await db
    .insert(schoolLeadRecipients)
    .values(missing.map((s) => ({ schoolId: s.id, email: `admissions@${s.slug}.example`, confirmedAt: now })))
    .onConflictDoNothing()
    .returning({ id: schoolLeadRecipients.id });
  return { recipients: inserted.length };
}

