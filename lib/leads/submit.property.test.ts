import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { emailOutbox, leadRequests, leads, programs, schools } from "@/db/schema";
import { seedLeadRecipients } from "@/db/seed/recipients";
import { seedSchools } from "@/db/seed/schools";
import { issueFormToken } from "@/lib/leads/signing";
import { leadBaseSchema, leadInputFromFormData } from "@/lib/validations/lead";
import { testDatabases } from "@/lib/testing/db";
import { submitLeadRequest } from "./submit";

/** Hostile strings: script tags, SQL, unicode, control characters, very long values. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "'; drop table leads; --",
    "' or '1'='1",
    "Robert'); DELETE FROM lead_requests;--",
    "\u202Eevil\u202C",
    "\u0000\u0001",
    "𝕬𝖓𝖆",
    "Zoë O'Brien-Núñez",
    "x".repeat(100_000),
    "",
    " ",
    "99999",
    "+1 (213) 555-0199",
    "a@b.co",
  ),
);
const FIELDS = ["firstName", "lastName", "email", "phone", "zip", "educationLevel", "desiredStart", "campusId", "hsGradYear", "militaryAffiliation", "consent", "alsoProgramIds", "programId", "idempotencyKey", "formToken", "website", "utm_source", "referrer"];

function baseForm(programId: number): Record<string, string> {
  return {
    firstName: "Sam",
    lastName: "Lee",
    email: `sam.${randomUUID().slice(0, 8)}@example.com`,
    phone: "(213) 555-0142",
    zip: "92501",
    educationLevel: "ged",
    desiredStart: "immediately",
    programId: String(programId),
    consent: "on",
    idempotencyKey: randomUUID(),
    formToken: issueFormToken(Date.now() - 60_000),
    website: "",
  };
}

describe.each(testDatabases())("Request Info against generated input on $name", (target) => {
  let handle: DbHandle;
  let programId: number;
  beforeAll(async () => {
    handle = await target.open();
    await seedSchools(handle.db);
    await seedLeadRecipients(handle.db);
    const [row] = await handle.db
      .select({ id: programs.id })
      .from(programs)
      .innerJoin(schools, eq(schools.id, programs.schoolId))
      .where(eq(schools.slug, "summit-ridge-career-institute"));
    programId = row!.id;
  });
  afterAll(async () => handle?.close());

  async function submit(fields: Record<string, string | string[] | undefined>) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
    }
    return submitLeadRequest(leadInputFromFormData(form), { ip: `203.0.113.${Math.floor(Math.random() * 255)}`, userAgent: "fc", pageUrl: null }, handle.db);
  }

  async function checkStored(requestId: string) {
    const [stored] = await handle.db.select().from(leadRequests).where(eq(leadRequests.id, requestId));
    expect(stored).toBeDefined();
    // What was stored passes the same schema again.
    const again = leadBaseSchema.safeParse({
      firstName: stored!.firstName,
      lastName: stored!.lastName,
      email: stored!.email,
      phone: stored!.phoneE164,
      zip: stored!.zip,
      educationLevel: stored!.educationLevel,
      desiredStart: stored!.desiredStart,
      programId: String(programId),
      hsGradYear: stored!.hsGradYear ?? undefined,
      militaryAffiliation: stored!.militaryAffiliation ?? undefined,
      consent: true,
      idempotencyKey: stored!.idempotencyKey,
    });
    expect(again.success).toBe(true);
    expect(stored!.phoneE164).toMatch(/^\+1\d{10}$/);
    const [lead] = await handle.db.select().from(leads).where(eq(leads.requestId, stored!.id));
    const outbox = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.leadId, lead!.id));
    for (const email of outbox) expect(email.html).not.toMatch(/<script|<img src=x|onerror=/i);
  }

  it("never throws, and stores only valid leads, for a thousand arbitrary payloads", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.dictionary(fc.constantFrom(...FIELDS, "extra", "__proto__", "constructor"), fc.oneof(nasty, fc.array(nasty, { maxLength: 3 })), { maxKeys: 6 }),
        async (fromGoodForm, fields) => {
          const result = await submit({ ...(fromGoodForm ? baseForm(programId) : {}), ...fields });
          expect(typeof result.ok).toBe("boolean");
          expect(typeof result.message).toBe("string");
          if (result.ok) await checkStored(result.data!.requestId);
        },
      ),
      // A thousand per database; fast-check draws new inputs on every run.
      { numRuns: 1000 },
    );
  }, 300_000);

  it("stores only valid leads when one field of a good form is replaced or dropped, and never as HTML", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIELDS), fc.option(nasty, { nil: undefined }), async (field, value) => {
        const form: Record<string, string | undefined> = { ...baseForm(programId), [field]: value };
        const result = await submit(form);
        if (!result.ok) {
          expect(Object.values(result.fieldErrors).every((m) => typeof m === "string" && m.length < 200)).toBe(true);
          return;
        }
        await checkStored(result.data!.requestId);
      }),
      { numRuns: 250 },
    );
  }, 300_000);
});
