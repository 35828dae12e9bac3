import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../client";

/**
 * Takes a transaction-scoped advisory lock for each key, in the order given, in one statement (each
 * round trip waits its turn on a busy server). Callers give their keys in one fixed order, so two
 * transactions never wait on each other in a cycle.
 */
export async function lockKeys(tx: Tx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest(array[${sql.join(
      keys.map((k) => sql`${k}`),
      sql`, `,
    )}]::text[]) with ordinality as t(k, n) order by n`,
  );
}
