import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db, DbHandle } from "@/db/client";
import { leadRequests } from "@/db/schema";
import { testDatabases } from "@/lib/testing/db";
import { safeErrorSummary } from "./log";

const person = {
  firstName: "Philippa",
  lastName: "Logsworth",
  email: "philippa.logsworth@example.com",
  phoneE164: "+18185550142",
  zip: "91402",
  educationLevel: "high_school",
  desiredStart: "immediately",
};

async function thrown(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe.each(testDatabases())("database errors in logs on $name", ({ open }) => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await open();
    db = handle.db;
  });
  afterAll(async () => handle?.close());

  it("name the failure (code, constraint) but never the row's values", async () => {
    const key = `log-test-${crypto.randomUUID()}`;
    await db.insert(leadRequests).values({ ...person, idempotencyKey: key });
    const error = await thrown(() => db.insert(leadRequests).values({ ...person, idempotencyKey: key }));
    // What a naive log line would print: the values are in there.
    expect(String((error as Error).message)).toContain(person.email);
    const summary = safeErrorSummary(error);
    expect(summary).toContain("23505");
    for (const value of [person.email, person.phoneE164, person.firstName, person.lastName, key]) expect(summary).not.toContain(value);
  });

  it("keeps a value out even when Postgres quotes it in the message", async () => {
    const error = await thrown(() => db.select().from(leadRequests).where(eq(leadRequests.id, person.email)));
    expect(safeErrorSummary(error)).toContain("22P02");
    expect(safeErrorSummary(error)).not.toContain(person.email);
  });
});

it("blanks emails and phone numbers in other errors' messages", () => {
  const summary = safeErrorSummary(new Error("could not reach philippa.logsworth@example.com at (818) 555-0142"));
  expect(summary).toBe("Error: could not reach [email] at [number]");
});
