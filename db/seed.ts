import type { Db } from "./client";
import { seedCareers } from "./seed/careers";
import { seedLeadRecipients } from "./seed/recipients";
import { seedSchools } from "./seed/schools";
import { seedUsers } from "./seed/users";

/**
 * Demo content for a fresh install. Idempotent: safe to run on every start and by hand; rows that
 * exist are left as they are. Careers come first: programs link to occupations by slug.
 */
export async function seed(db: Db) {
  const careers = await seedCareers(db);
  const directory = await seedSchools(db);
  const recipients = await seedLeadRecipients(db);
  const accounts = await seedUsers(db);
  return { ...careers, ...directory, ...recipients, accounts };
}
