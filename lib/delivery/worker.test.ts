import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { claimDueEmails, getOutboxEmail, listOutbox, resendDelivery } from "@/db/queries/outbox";
import { emailOutbox } from "@/db/schema";
import { startFakeResend, type FakeResend } from "@/e2e/support/fake-resend.mjs";
import { enqueueEmail } from "@/lib/email/outbox";
import { resendTransport } from "@/lib/email/transport";
import { testDatabases } from "@/lib/testing/db";
import { deliverDue } from "./worker";

let fake: FakeResend;
beforeAll(async () => {
  fake = await startFakeResend();
  process.env.RESEND_BASE_URL = fake.url;
});
afterAll(async () => fake?.close());
beforeEach(() => fake.clearRules());

async function queue(db: DbHandle["db"], marker = randomUUID()) {
  await enqueueEmail(db, {
    kind: "lead_notification",
    to: ["admissions@school.example"],
    subject: `New lead ${marker}`,
    html: `<p>${marker}</p>`,
    text: marker,
    idempotencyKey: `test:${marker}`,
  });
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, `test:${marker}`));
  return { marker, id: row!.id };
}
const received = (marker: string) => fake.emails.filter((e) => e.payload.text === marker);
const later = (base: Date, seconds: number) => () => new Date(base.getTime() + seconds * 1000);

describe.each(testDatabases())("outbox delivery on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());
  const transport = () => resendTransport("re_test_key", 500);

  it("retries a 500 on the schedule and then delivers once", async () => {
    const { marker, id } = await queue(handle.db);
    fake.addRule({ mode: "fail", match: marker, times: 1 });
    const t0 = new Date();
    await deliverDue(handle.db, transport(), { now: () => t0 });
    let row = (await getOutboxEmail(id, handle.db))!;
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("500") });
    expect(row.nextAttemptAt.getTime() - t0.getTime()).toBe(60_000);
    // Not due yet: nothing happens.
    await deliverDue(handle.db, transport(), { now: later(t0, 30) });
    expect((await getOutboxEmail(id, handle.db))!.attempts).toBe(1);
    await deliverDue(handle.db, transport(), { now: later(t0, 61) });
    row = (await getOutboxEmail(id, handle.db))!;
    expect(row).toMatchObject({ status: "sent", attempts: 2, transport: "resend", lastError: null });
    expect(received(marker)).toHaveLength(1);
    expect(received(marker)[0]!.payload.to).toEqual(["admissions@school.example"]);
    expect(received(marker)[0]!.key).toBe(`test:${marker}`);
  });

  it("honours retry-after on a 429, and retries a stalled request after the timeout", async () => {
    const a = await queue(handle.db);
    const b = await queue(handle.db);
    fake.addRule({ mode: "ratelimit", match: a.marker, times: 1, retryAfter: 600 });
    fake.addRule({ mode: "stall", match: b.marker, times: 1 });
    const t0 = new Date();
    await deliverDue(handle.db, transport(), { now: () => t0 });
    const rowA = (await getOutboxEmail(a.id, handle.db))!;
    expect(rowA.nextAttemptAt.getTime() - t0.getTime()).toBe(600_000);
    expect(rowA.lastError).toContain("429");
    expect((await getOutboxEmail(b.id, handle.db))!).toMatchObject({ status: "pending", lastError: expect.stringContaining("network") });
    await deliverDue(handle.db, transport(), { now: later(t0, 601) });
    expect(received(a.marker)).toHaveLength(1);
    expect(received(b.marker)).toHaveLength(1);
  });

  it("does not retry a 422, and an operator's resend delivers it", async () => {
    const { marker, id } = await queue(handle.db);
    fake.addRule({ mode: "reject", match: marker, times: 1 });
    await deliverDue(handle.db, transport());
    expect((await getOutboxEmail(id, handle.db))!).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("422") });
    const { rows } = await listOutbox({ status: "failed" }, handle.db);
    expect(rows.map((r) => r.id)).toContain(id);
    expect(await resendDelivery(id, {}, handle.db)).toBe(true);
    expect(await resendDelivery(id, {}, handle.db)).toBe(false);
    await deliverDue(handle.db, transport());
    expect((await getOutboxEmail(id, handle.db))!.status).toBe("sent");
    expect(received(marker)).toHaveLength(1);
  });

  it("gives up after the last scheduled attempt and marks the delivery failed", async () => {
    const { marker, id } = await queue(handle.db);
    fake.addRule({ mode: "fail", match: marker });
    const t0 = new Date();
    for (const s of [0, 61, 361, 2161, 9361]) await deliverDue(handle.db, transport(), { now: later(t0, s) });
    expect((await getOutboxEmail(id, handle.db))!).toMatchObject({ status: "failed", attempts: 5, lastError: expect.stringContaining("gave up after 5") });
    expect(received(marker)).toHaveLength(0);
  });

  it("re-sends a crashed worker's row once its lock expires, and the provider keeps one email", async () => {
    const { marker, id } = await queue(handle.db);
    const t0 = new Date();
    const [claimed] = (await claimDueEmails(handle.db, { limit: 100, lockSeconds: 120, now: t0 })).filter((r) => r.id === id);
    // The crashed worker had sent it but never recorded it.
    await transport().send({ to: claimed!.toAddresses, subject: claimed!.subject, html: claimed!.html, text: claimed!.text, idempotencyKey: claimed!.idempotencyKey });
    await deliverDue(handle.db, transport(), { now: later(t0, 60) });
    expect((await getOutboxEmail(id, handle.db))!.status).toBe("sending");
    await deliverDue(handle.db, transport(), { now: later(t0, 121) });
    expect((await getOutboxEmail(id, handle.db))!.status).toBe("sent");
    expect(received(marker)).toHaveLength(1);
    expect(received(marker)[0]!.attempts).toBe(2);
  });

  it("never lets two workers send one row", async () => {
    const markers = await Promise.all(Array.from({ length: 24 }, () => queue(handle.db)));
    await Promise.all([deliverDue(handle.db, transport(), { batchSize: 3 }), deliverDue(handle.db, transport(), { batchSize: 3 })]);
    for (const { marker } of markers) {
      expect(received(marker)).toHaveLength(1);
      expect(received(marker)[0]!.attempts).toBe(1);
    }
  });
});
