import type { Db } from "./client";
import { seedSchools } from "./seed/schools";
import { seedUsers } from "./seed/users";

/**
 * Demo content for a fresh install. Idempotent: safe to run on every start and by hand; rows that
 * exist are left as they are.
 */
export async function seed(db: Db) {
  const directory = await seedSchools(db);
  const accounts = await seedUsers(db);
  return { ...directory, accounts };
}
