import type { Db } from "./client";
import { seedCareers } from "./seed/careers";

/** Idempotent: safe to run on every start and by hand. Careers first: programs link to occupations. */
export async function seed(db: Db) {
  const careers = await seedCareers(db);
  return { ...careers };
}
