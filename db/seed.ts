import type { Db } from "./client";
import { seedLeadRecipients } from "./seed/recipients";
import { seedSchools } from "./seed/schools";

/**
 * Demo content for a fresh install. Idempotent: safe to run on every start and by hand; rows that
 * exist are left as they are.
 */
export async function seed(db: Db) {
  const directory = await seedSchools(db);
  const recipients = await seedLeadRecipients(db);
  return { ...directory, ...recipients };
}
