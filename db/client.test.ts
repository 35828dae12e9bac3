import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { isEmpty, type DbHandle } from "./client";
import { schools } from "./schema";
import { testDatabases } from "@/lib/testing/db";

describe.each(testDatabases())("database on $name", ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("starts empty after migrations, with every table in place", async () => {
    expect(await isEmpty(handle.db)).toBe(true);
    const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(schools);
    expect(row?.n).toBe(0);
  });

  it("enforces the schema's constraints", async () => {
    await expect(
      handle.db.insert(schools).values({ slug: "a", name: "A", website: "https://a.example", status: "bogus" as never }),
    ).rejects.toThrow();
  });
});
