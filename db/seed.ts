import type { Db } from "./client";

/** Idempotent: safe to run on every start and by hand. Filled in by the seed content. */
export async function seed(db: Db): Promise<void> {
  void db;
}
