import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { auditEvents, signInAttempts, users } from "@/db/schema";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, recordSignInAttempt } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { testDatabases } from "@/lib/testing/db";
import { checkPasswordSignIn } from "./password-sign-in";

/** A request as it reaches the app: whatever the client wrote, then the address our proxy saw (TRUSTED_PROXY_HOPS=0). */
const from = (forwardedFor: string) => new Headers({ "x-forwarded-for": forwardedFor });

describe.each(testDatabases())("password sign-in limits on $name", ({ open }) => {
  let handle: DbHandle;
  const password = "correct horse battery";
  const email = "limits@example.com";

  beforeAll(async () => {
    handle = await open();
    await handle.db.insert(users).values({ email, name: "Limits", passwordHash: await hashPassword(password) });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("signs in with the right password and records it as a success, and a wrong one as an audited failure", async () => {
    const db = handle.db;
    const ok = await checkPasswordSignIn({ email: "Limits@Example.com", password }, from("192.0.2.10"), db);
    expect(ok).toMatchObject({ ok: true, user: { email } });
    const wrong = await checkPasswordSignIn({ email, password: "nope" }, from("192.0.2.10"), db);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    const rows = await db.select().from(signInAttempts).where(eq(signInAttempts.email, email));
    expect(rows.map((r) => r.succeeded).sort()).toEqual([false, true]);
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const failed = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.sign_in_failed"), eq(auditEvents.actorUserId, user!.id)));
    expect(failed).toHaveLength(1);
    expect(failed[0]?.ipAddress).toBe("192.0.2.10");
  });

  it("checks no more than the account's limit of passwords when many guesses arrive at once", async () => {
    const db = handle.db;
    const target = "parallel@example.com";
    await db.insert(users).values({ email: target, passwordHash: await hashPassword(password) });
    const guesses = await Promise.all(
      Array.from({ length: MAX_FAILURES_PER_ACCOUNT * 3 }, (_, i) => checkPasswordSignIn({ email: target, password: `guess-${i}` }, from(`198.51.100.${i + 1}`), db)),
    );
    expect(guesses.filter((g) => !g.ok && g.reason === "invalid")).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect(guesses.filter((g) => !g.ok && g.reason === "locked")).toHaveLength(MAX_FAILURES_PER_ACCOUNT * 2);
    expect(await db.select().from(signInAttempts).where(eq(signInAttempts.email, target))).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    // Locked now, even with the right password.
    expect(await checkPasswordSignIn({ email: target, password }, from("198.51.100.200"), db)).toEqual({ ok: false, reason: "locked" });
    const locks = await db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in_locked"));
    expect(locks.length).toBeGreaterThanOrEqual(MAX_FAILURES_PER_ACCOUNT * 2 + 1);
  });

  it("limits failures per client IP, and a forged X-Forwarded-For entry does not escape the limit", async () => {
    const db = handle.db;
    const ip = "203.0.113.77";
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await recordSignInAttempt({ email: `spray-${i}@example.com`, ipAddress: ip, succeeded: false }, db);
    // A new address from the same client is refused, whatever the client put in front of its address.
    expect(await checkPasswordSignIn({ email, password }, from(ip), db)).toEqual({ ok: false, reason: "locked" });
    expect(await checkPasswordSignIn({ email, password }, from(`198.51.100.99, ${ip}`), db)).toEqual({ ok: false, reason: "locked" });
    expect(await checkPasswordSignIn({ email, password }, from(`10.0.0.1,172.16.0.1, ${ip}`), db)).toEqual({ ok: false, reason: "locked" });
    // Another client is not affected, and its failure is counted against its own address, not the forged one.
    expect(await checkPasswordSignIn({ email: "other-ip@example.com", password: "x" }, from(`${ip}, 203.0.113.78`), db)).toEqual({ ok: false, reason: "invalid" });
    const [row] = await db.select().from(signInAttempts).where(eq(signInAttempts.email, "other-ip@example.com"));
    expect(row?.ipAddress).toBe("203.0.113.78");
    expect(await checkPasswordSignIn({ email, password }, from("203.0.113.78"), db)).toMatchObject({ ok: true });
  });
});
