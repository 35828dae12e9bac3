import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle, Tx } from "../client";
import { retryOnDeadlock, sqlState } from "./locks";
import { testDatabases } from "@/lib/testing/db";

describe.each(testDatabases())("retrying a transaction Postgres ended, on $name", ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => handle?.close());

  /** A real error from the server with this SQLSTATE, as the query builder hands it on (`db`: the test's, or a transaction). */
  const fail = (code: string, db: Db | Tx = handle.db) => db.execute(sql.raw(`do $$ begin raise exception 'test' using errcode = '${code}'; end $$`));

  it("reads the SQLSTATE of a server error through the query builder's wrapper, and none from a Node error", async () => {
    const error = await handle.db.execute(sql`select 1 / 0`).catch((e: unknown) => e);
    expect(sqlState(error)).toBe("22012");
    expect(sqlState(await fail("40P01").catch((e: unknown) => e))).toBe("40P01");
    expect(sqlState(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBeUndefined();
    expect(sqlState("40P01")).toBeUndefined();
  });

  it("runs a transaction again after a deadlock or a serialization failure, and not after any other error", async () => {
    for (const code of ["40P01", "40001"]) {
      let runs = 0;
      const result = await retryOnDeadlock(() =>
        handle.db.transaction(async (tx) => {
          runs++;
          if (runs === 1) await fail(code, tx);
          return "stored";
        }),
      );
      expect([code, result, runs]).toEqual([code, "stored", 2]);
    }
    let runs = 0;
    const unique = await retryOnDeadlock(async () => {
      runs++;
      await fail("23505");
    }).catch((e: unknown) => e);
    expect([sqlState(unique), runs]).toEqual(["23505", 1]);
    // It gives up after three tries, with the last error.
    runs = 0;
    const stuck = await retryOnDeadlock(async () => {
      runs++;
      await fail("40P01");
    }).catch((e: unknown) => e);
    expect([sqlState(stuck), runs]).toEqual(["40P01", 3]);
  });
});
