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

/** Postgres's codes for a transaction it ended to break a deadlock, or for a serialization failure. */
const RETRYABLE_CODES = new Set(["40P01", "40001"]);

/**
 * The SQLSTATE of an error the database sent, also when the query builder wrapped it (as its
 * `cause`). Only a server error has one: it carries a severity besides its code (postgres-js and
 * PGlite both), which a Node error such as a dropped connection (`ECONNRESET`) does not.
 */
export function sqlState(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, severity } = e as { code?: unknown; severity?: unknown };
    if (typeof code === "string" && typeof severity === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Runs a whole transaction again when Postgres ended it to break a deadlock (or a serialization
 * failure): it was rolled back entirely, so nothing of it is left to undo. Rollups shared by every
 * submission are updated at commit (migration 0019), in the order the rows were written, so two
 * transactions can still meet there in opposite orders; one is then ended, and here it runs again
 * instead of failing the student's request.
 */
export async function retryOnDeadlock<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = sqlState(error);
      if (attempt >= attempts || code === undefined || !RETRYABLE_CODES.has(code)) throw error;
    }
  }
}
