import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { testDatabases } from "@/lib/testing/db";
import { allowMagicLinkRequest, MAGIC_LINK_LIMITS } from "./magic-link-limit";

const from = (forwardedFor: string) => new Headers({ "x-forwarded-for": forwardedFor });
/** One moment inside one window, so a window boundary never falls inside a test. */
const NOW = new Date("2026-03-02T10:15:00Z");

describe.each(testDatabases())("sign-in link limits on $name", ({ open }) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("sends a few links an hour per address, from any IP, then none (whatever the address's case)", async () => {
    const db = handle.db;
    const { limit } = MAGIC_LINK_LIMITS.perAddress;
    for (let i = 0; i < limit; i++) expect(await allowMagicLinkRequest("Flood@Example.com", from(`192.0.2.${i + 1}`), db, NOW)).toBe(true);
    expect(await allowMagicLinkRequest("flood@example.com", from("192.0.2.99"), db, NOW)).toBe(false);
    expect(await allowMagicLinkRequest("someone-else@example.com", from("192.0.2.99"), db, NOW)).toBe(true);
    const limited = await db.select().from(auditEvents).where(eq(auditEvents.action, "auth.magic_link_limited"));
    expect(limited).toHaveLength(1);
    expect(JSON.stringify(limited[0]?.metadata)).not.toContain("flood");
  });

  it("limits one client IP across addresses, and a forged X-Forwarded-For entry does not escape it", async () => {
    const db = handle.db;
    const { limit } = MAGIC_LINK_LIMITS.perIp;
    for (let i = 0; i < limit; i++) expect(await allowMagicLinkRequest(`spray-${i}@example.com`, from("203.0.113.50"), db, NOW)).toBe(true);
    expect(await allowMagicLinkRequest("next@example.com", from("203.0.113.50"), db, NOW)).toBe(false);
    expect(await allowMagicLinkRequest("next@example.com", from("198.51.100.7, 203.0.113.50"), db, NOW)).toBe(false);
    expect(await allowMagicLinkRequest("next@example.com", from("203.0.113.51"), db, NOW)).toBe(true);
  });
});
