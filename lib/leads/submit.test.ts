import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { deleteLeadRequest, getRequestInfoContext, getRequestSummary, getWithdrawalTargets, withdrawConsent } from "@/db/queries/leads";
import { consentRecords, emailOutbox, leadRejections, leadRequests, leads, programs, schools } from "@/db/schema";
import { getRejectionSummary } from "@/db/queries/ops-dashboard";
import { seedLeadRecipients } from "@/db/seed/recipients";
import { seedSchools } from "@/db/seed/schools";
import { renderConsentWithdrawn } from "@/lib/email/render";
import { consentText } from "@/lib/leads/consent";
import { issueFormToken } from "@/lib/leads/signing";
import { testDatabases } from "@/lib/testing/db";
import { validForm } from "@/lib/testing/lead-form";
import { submitLeadRequest } from "./submit";


const meta = (ip = `10.0.0.${Math.floor(Math.random() * 250)}`) => ({ ip, userAgent: "vitest", pageUrl: "http://localhost/programs/x/request-info" });

describe.each(testDatabases())("lead submission on $name", (target) => {
  let handle: DbHandle;
  let twoCampus: number;
  let oneSchool: number;

  beforeAll(async () => {
    handle = await target.open();
    await seedSchools(handle.db);
    await seedLeadRecipients(handle.db);
    const [vah] = await handle.db
      .select({ id: programs.id })
      .from(programs)
      .innerJoin(schools, eq(schools.id, programs.schoolId))
      .where(eq(schools.slug, "valley-allied-health-institute"));
    twoCampus = vah!.id;
    const [other] = await handle.db
      .select({ id: programs.id })
      .from(programs)
      .innerJoin(schools, eq(schools.id, programs.schoolId))
      .where(eq(schools.slug, "summit-ridge-career-institute"));
    oneSchool = other!.id;
  });
  afterAll(async () => handle?.close());

  it("stores the request, one lead, the consent proof and the outbox rows together", async () => {
    const ctx = (await getRequestInfoContext({ id: twoCampus }, handle.db))!;
    expect(ctx.program.campuses.map((c) => c.name)).toEqual(["Panorama City", "Van Nuys (main campus)"]);
    const suggestion = ctx.suggestions[0]!;
    const form = validForm(twoCampus, { campusId: String(ctx.program.campuses[0]!.id), alsoProgramIds: [String(suggestion.id)] });
    const result = await submitLeadRequest(form, meta("10.1.1.1"), handle.db);
    expect(result).toMatchObject({ ok: true });
    const requestId = result.data!.requestId;

    const [req] = await handle.db.select().from(leadRequests).where(eq(leadRequests.id, requestId));
    expect(req).toMatchObject({ phoneE164: expect.stringMatching(/^\+1213\d{7}$/), city: "Panorama City", state: "CA", lastName: "O'Neil" });
    expect(req!.attribution).toEqual({ utm_source: "newsletter", landing_page: "/careers/x" });

    const leadRows = await handle.db.select().from(leads).where(eq(leads.requestId, requestId));
    expect(leadRows).toHaveLength(2);
    expect(leadRows.find((l) => l.programId === twoCampus)?.campusId).toBe(ctx.program.campuses[0]!.id);

    const [consent] = await handle.db.select().from(consentRecords).where(eq(consentRecords.requestId, requestId));
    const names = ["Valley Allied Health Institute", suggestion.schoolName];
    expect(consent!.schoolNames).toEqual(names);
    expect(consent!.text).toBe(consentText(names));
    expect(consent!.text).toContain("automated");
    expect(consent!.text).toContain("not a condition");
    expect(consent!.textSha256).toBe(createHash("sha256").update(consent!.text).digest("hex"));
    expect(consent).toMatchObject({ ipAddress: "10.1.1.1", userAgent: "vitest", pageUrl: expect.stringContaining("/request-info") });

    const outbox = await handle.db.select().from(emailOutbox);
    const mine = outbox.filter((o) => o.idempotencyKey.includes(requestId) || leadRows.some((l) => l.id === o.leadId));
    expect(mine.map((o) => o.kind).sort()).toEqual(["lead_notification", "lead_notification", "student_confirmation"]);
    const toVah = mine.find((o) => o.kind === "lead_notification" && o.schoolId === leadRows.find((l) => l.programId === twoCampus)!.schoolId)!;
    expect(toVah.toAddresses).toEqual(["admissions@valley-allied-health-institute.example"]);
    expect(toVah.text).toContain(form.email);
    expect(toVah.text).toContain("Panorama City");
    expect(toVah.html).toContain(`/school/leads/${toVah.leadId}`);
  });

  it("requires a campus when the program has several, with the error on that field", async () => {
    const result = await submitLeadRequest(validForm(twoCampus, { lastName: "", phone: "12" }), meta(), handle.db);
    expect(result.ok).toBe(false);
    expect(result.fieldErrors).toMatchObject({
      campusId: "Choose the campus you are interested in",
      lastName: "Enter your last name",
      phone: "Enter a valid 10-digit US phone number",
    });
  });

  it("treats a replay of the same submission as the first one", async () => {
    const form = validForm(oneSchool);
    const [a, b] = await Promise.all([submitLeadRequest(form, meta(), handle.db), submitLeadRequest(form, meta(), handle.db)]);
    const c = await submitLeadRequest(form, meta(), handle.db);
    expect(a.data!.requestId).toBe(b.data!.requestId);
    expect(c.data).toEqual({ requestId: a.data!.requestId, replayed: true });
    const rows = await handle.db.select().from(leadRequests).where(eq(leadRequests.idempotencyKey, form.idempotencyKey));
    expect(rows).toHaveLength(1);
  });

  it("records a repeat to the same school within 30 days as a duplicate, without emailing the school", async () => {
    const first = validForm(oneSchool);
    const r1 = await submitLeadRequest(first, meta(), handle.db);
    const r2 = await submitLeadRequest(validForm(oneSchool, { email: first.email.toUpperCase() }), meta(), handle.db);
    const summary = (await getRequestSummary(r2.data!.requestId, handle.db))!;
    expect(summary.leads[0]!.duplicateOfId).not.toBeNull();
    const dupLead = summary.leads[0]!.leadId;
    expect(await handle.db.select().from(emailOutbox).where(eq(emailOutbox.leadId, dupLead))).toHaveLength(0);
    // Same phone, other school: a new lead.
    const r3 = await submitLeadRequest(validForm(twoCampus, { phone: first.phone, campusId: undefined }), meta(), handle.db);
    expect(r3.ok).toBe(false); // campus missing
    const ctx = (await getRequestInfoContext({ id: twoCampus }, handle.db))!;
    const r4 = await submitLeadRequest(validForm(twoCampus, { phone: first.phone, campusId: String(ctx.program.campuses[1]!.id) }), meta(), handle.db);
    expect((await getRequestSummary(r4.data!.requestId, handle.db))!.leads[0]!.duplicateOfId).toBeNull();
    expect(r1.ok).toBe(true);
  });

  it("refuses a filled honeypot, a form sent too fast, and a sixth request from one address", async () => {
    const honey = validForm(oneSchool, { website: "http://spam.example" });
    expect((await submitLeadRequest(honey, meta(), handle.db)).ok).toBe(false);
    const fast = validForm(oneSchool, { formToken: issueFormToken(Date.now() - 200) });
    expect((await submitLeadRequest(fast, meta(), handle.db)).message).toContain("faster than a person");
    const forged = validForm(oneSchool, { formToken: `${Date.now() - 60_000}.forged` });
    expect((await submitLeadRequest(forged, meta(), handle.db)).message).toContain("expired");
    for (const f of [honey, fast, forged]) {
      expect(await handle.db.select().from(leadRequests).where(eq(leadRequests.idempotencyKey, f.idempotencyKey as string))).toHaveLength(0);
    }
    const ip = "192.0.2.77";
    for (let i = 0; i < 5; i++) expect((await submitLeadRequest(validForm(oneSchool), meta(ip), handle.db)).ok).toBe(true);
    const sixth = await submitLeadRequest(validForm(oneSchool), meta(ip), handle.db);
    expect(sixth.ok).toBe(false);
    expect(sixth.message).toMatch(/Too many requests .* try again in \d+ minutes?/);
  });

  it("records each refused submission, without personal data, for the operators' rejected share; field errors are not", async () => {
    const now = new Date("2041-02-03T10:00:00Z");
    const at = (ms: number) => issueFormToken(now.getTime() - ms);
    const send = (form: Record<string, unknown>, ip = "192.0.2.200") => submitLeadRequest(form, { ...meta(ip), now }, handle.db);
    expect((await send(validForm(oneSchool, { formToken: at(10_000), email: "not-an-email" }))).fieldErrors.email).toBeTruthy();
    expect((await send(validForm(oneSchool, { formToken: at(10_000), website: "http://spam.example" }))).ok).toBe(false);
    expect((await send(validForm(oneSchool, { formToken: at(100) }))).message).toContain("faster than a person");
    expect((await send(validForm(oneSchool, { formToken: `${now.getTime() - 60_000}.forged` }))).message).toContain("expired");
    expect((await send(validForm(987_654, { formToken: at(10_000) }))).message).toContain("not taking requests");
    for (let i = 0; i < 5; i++) expect((await send(validForm(oneSchool, { formToken: at(10_000) }), "192.0.2.201")).ok).toBe(true);
    expect((await send(validForm(oneSchool, { formToken: at(10_000) }), "192.0.2.201")).message).toMatch(/Too many requests/);

    const rows = await handle.db.select().from(leadRejections).where(eq(leadRejections.createdAt, now));
    const [school] = await handle.db.select({ id: programs.schoolId }).from(programs).where(eq(programs.id, oneSchool));
    expect(rows.map((r) => [r.reason, r.programId, r.schoolId]).sort()).toEqual(
      [
        ["bot_trap", oneSchool, school!.id],
        ["invalid_form", oneSchool, school!.id],
        ["rate_limited", oneSchool, school!.id],
        ["too_fast", oneSchool, school!.id],
        ["unavailable", null, null],
      ].sort(),
    );
    // Nothing that names the person or their address is kept.
    expect(Object.keys(rows[0]!).sort()).toEqual(["createdAt", "id", "programId", "reason", "schoolId"]);
    const day = { from: new Date("2041-02-03T00:00:00Z"), to: new Date("2041-02-04T00:00:00Z") };
    const summary = await getRejectionSummary(day, handle.db);
    expect(summary.rejected).toBe(5);
    expect(Object.fromEntries(summary.byReason.map((r) => [r.reason, r.rejections]))).toEqual({
      bot_trap: 1,
      invalid_form: 1,
      rate_limited: 1,
      too_fast: 1,
      unavailable: 1,
    });
  });

  it("withdraws consent and then scrubs personal fields, keeping the consent proof", async () => {
    const form = validForm(oneSchool);
    const { data } = await submitLeadRequest(form, meta("10.9.9.9"), handle.db);
    const requestId = data!.requestId;
    const targets = await getWithdrawalTargets(requestId, handle.db);
    const notices = await Promise.all(
      targets.map(async (t) => ({ ...t, email: await renderConsentWithdrawn({ schoolName: t.schoolName, programTitle: t.programTitle, withdrawnAtUtc: "now", leadUrl: "x" }) })),
    );
    expect(await withdrawConsent(requestId, notices, { ipAddress: null }, handle.db)).toBe(true);
    expect(await withdrawConsent(requestId, notices, { ipAddress: null }, handle.db)).toBe(false);
    const [consent] = await handle.db.select().from(consentRecords).where(eq(consentRecords.requestId, requestId));
    expect(consent!.withdrawnAt).not.toBeNull();
    const notice = await handle.db.select().from(emailOutbox).where(and(eq(emailOutbox.kind, "consent_withdrawn"), eq(emailOutbox.leadId, targets[0]!.leadId)));
    expect(notice).toHaveLength(1);
    expect(notice[0]!.text).not.toContain(form.email);

    expect(await deleteLeadRequest(requestId, [], { ipAddress: null }, handle.db)).toBe(true);
    const [req] = await handle.db.select().from(leadRequests).where(eq(leadRequests.id, requestId));
    expect(req).toMatchObject({ email: "", phoneE164: "", lastName: "", zip: "", attribution: {} });
    expect(req!.scrubbedAt).not.toBeNull();
    const [kept] = await handle.db.select().from(consentRecords).where(eq(consentRecords.requestId, requestId));
    expect(kept).toMatchObject({ ipAddress: "10.9.9.9", textSha256: consent!.textSha256 });
    const emails = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, `student-confirmation:${requestId}`));
    expect(emails[0]!.text).not.toContain(form.email);
    expect(emails[0]!.toAddresses).toEqual(["[deleted]"]);
  });
});
