import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db, DbHandle } from "../client";
import {
  auditEvents,
  consentRecords,
  emailOutbox,
  leadRequests,
  leads,
  programClicks,
  programs,
  schoolMemberships,
  schools,
  users,
} from "../schema";
import { seed } from "../seed";
import { getRequestInfoContext } from "./leads";
import { listAuditPage } from "./ops-audit";
import { clicksToLeadsByProgram, clicksToLeadsBySchool } from "./ops-clicks";
import { getRetentionMonths, listPrivacyRequests, scrubExpiredLeadRequests, setRetentionMonths } from "./ops-privacy";
import { rejectListing } from "./ops-review";
import { createSchool, getSchoolForOps, listSchoolsForOps, setSchoolStatus, updateSchool } from "./ops-schools";
import { testDatabases } from "@/lib/testing/db";
import { insertLeadRequest } from "@/lib/testing/lead-request";

const DAY = 86_400_000;


describe.each(testDatabases())("operator console queries on $name", ({ open }) => {
  let handle: DbHandle;
  let db: Db;
  let schoolA: number;
  let operatorId: string;

  beforeAll(async () => {
    handle = await open();
    db = handle.db;
    await seed(db);
    schoolA = (await db.select({ id: schools.id }).from(schools).where(eq(schools.slug, "pacific-crest-college")))[0]!.id;
    operatorId = (await db.select({ id: users.id }).from(users).where(eq(users.email, "operator@careerpath.example")))[0]!.id;
  });
  afterAll(async () => handle?.close());

  it("creates schools with unique slugs, finds them by search, and records only changed fields", async () => {
    const input = { name: "Harbor Point Academy", website: "https://harbor.example", description: "", accreditation: null };
    const one = await createSchool(input, db);
    const two = await createSchool(input, db);
    expect(one.slug).toBe("harbor-point-academy");
    expect(two.slug).toBe("harbor-point-academy-2");
    const found = await listSchoolsForOps({ q: "harbor point" }, db);
    expect(found.map((s) => s.id).sort()).toEqual([one.id, two.id].sort());
    expect(await listSchoolsForOps({ q: "100%_" }, db)).toEqual([]);
    expect(await updateSchool(one.id, { ...input, description: "By the sea" }, db)).toEqual(["description"]);
    expect(await updateSchool(one.id, { ...input, description: "By the sea" }, db)).toEqual([]);
    expect(await updateSchool(999_999, input, db)).toBeNull();
    const detail = await getSchoolForOps(schoolA, db);
    expect(detail?.members.some((m) => m.email === "admin@pacific-crest.example" && m.role === "admin")).toBe(true);
  });

  it("suspending a school takes its ads out of the directory at once and keeps its leads", async () => {
    const [program] = await db
      .select({ slug: programs.slug })
      .from(programs)
      .where(and(eq(programs.schoolId, schoolA), eq(programs.status, "active")))
      .limit(1);
    const leadsBefore = await db.$count(leads, eq(leads.schoolId, schoolA));
    expect(await getRequestInfoContext({ slug: program!.slug }, db)).not.toBeNull();
    expect(await setSchoolStatus(schoolA, "suspended", db)).toBe(true);
    expect(await setSchoolStatus(schoolA, "suspended", db)).toBe(false);
    expect(await getRequestInfoContext({ slug: program!.slug }, db)).toBeNull();
    expect(await db.$count(leads, eq(leads.schoolId, schoolA))).toBe(leadsBefore);
    expect(await listSchoolsForOps({ status: "suspended" }, db)).toEqual([expect.objectContaining({ id: schoolA })]);
    expect(await setSchoolStatus(schoolA, "active", db)).toBe(true);
    expect(await getRequestInfoContext({ slug: program!.slug }, db)).not.toBeNull();
  });

  it("rejecting a new listing returns it to draft, keeps the reason, emails the admins and audits, in one go", async () => {
    const [program] = await db.select().from(programs).where(eq(programs.schoolId, schoolA)).limit(1);
    await db.update(programs).set({ status: "in_review", pendingChanges: null }).where(eq(programs.id, program!.id));
    const result = await rejectListing(program!.id, "Add the accreditation.", { userId: operatorId, portalUrl: "http://x/school" }, db);
    expect(result).toMatchObject({ schoolId: schoolA, emailedTo: 1 });
    const [after] = await db.select().from(programs).where(eq(programs.id, program!.id));
    expect(after).toMatchObject({ status: "draft", reviewNote: "Add the accreditation.", pendingChanges: null });
    const emails = await db.select().from(emailOutbox).where(and(eq(emailOutbox.kind, "listing_rejected"), eq(emailOutbox.schoolId, schoolA)));
    expect(emails).toHaveLength(1);
    expect(emails[0]!.toAddresses).toEqual(["admin@pacific-crest.example"]);
    expect(emails[0]!.text).toContain("Add the accreditation.");
    expect(await db.$count(auditEvents, and(eq(auditEvents.action, "program.rejected"), eq(auditEvents.subjectId, String(program!.id))))).toBe(1);
    // Nothing waits for review any more: nothing to reject, no second email.
    expect(await rejectListing(program!.id, "Again", { userId: operatorId, portalUrl: "x" }, db)).toBeNull();

    // An edit to a live listing: the edit is dropped, the listing stays live.
    await db.update(programs).set({ status: "active", pendingChanges: { title: "New title" } }).where(eq(programs.id, program!.id));
    await rejectListing(program!.id, "Keep the old title.", { userId: operatorId, portalUrl: "x" }, db);
    const [edited] = await db.select().from(programs).where(eq(programs.id, program!.id));
    expect(edited).toMatchObject({ status: "active", title: program!.title, pendingChanges: null, reviewNote: "Keep the old title." });
    // A school without admins: the listing is still sent back, no email is queued.
    const lone = await createSchool({ name: "No Admin School", website: "https://n.example", description: "", accreditation: null }, db);
    await db.update(programs).set({ schoolId: lone.id, status: "in_review" }).where(eq(programs.id, program!.id));
    expect(await rejectListing(program!.id, "Fix it.", { userId: operatorId, portalUrl: "x" }, db)).toMatchObject({ emailedTo: 0 });
    expect(await db.$count(emailOutbox, eq(emailOutbox.schoolId, lone.id))).toBe(0);
    await db.update(programs).set({ schoolId: schoolA, status: "active", reviewNote: null }).where(eq(programs.id, program!.id));
    expect(await db.$count(schoolMemberships, eq(schoolMemberships.schoolId, lone.id))).toBe(0);
  });

  it("counts site clicks beside first leads per program and school, inside the range only", async () => {
    const from = new Date("2031-03-01T00:00:00Z");
    const to = new Date("2031-03-08T00:00:00Z");
    const [p] = await db.select({ id: programs.id, schoolId: programs.schoolId }).from(programs).where(eq(programs.schoolId, schoolA)).limit(1);
    const click = (at: Date) => ({ programId: p!.id, schoolId: p!.schoolId, createdAt: at });
    await db.insert(programClicks).values([click(from), click(new Date(to.getTime() - 1)), click(new Date(from.getTime() + DAY)), click(to), click(new Date(from.getTime() - 1))]);
    const request = await insertLeadRequest(db, from);
    const [first] = await db.insert(leads).values({ requestId: request, schoolId: p!.schoolId, programId: p!.id, createdAt: from }).returning({ id: leads.id });
    await db.insert(leads).values({ requestId: request, schoolId: p!.schoolId, programId: p!.id, createdAt: from, duplicateOfId: first!.id });
    const byProgram = await clicksToLeadsByProgram({ from, to }, db);
    expect(byProgram).toEqual([expect.objectContaining({ id: p!.id, clicks: 3, leads: 1 })]);
    const bySchool = await clicksToLeadsBySchool({ from, to }, db);
    expect(bySchool).toEqual([expect.objectContaining({ id: schoolA, clicks: 3, leads: 1 })]);
  });

  it("lists privacy requests with state and due date, and scrubs only requests past retention, keeping consent", async () => {
    const now = new Date("2032-06-15T12:00:00Z");
    const old = await insertLeadRequest(db, new Date("2029-01-01T00:00:00Z"));
    const recent = await insertLeadRequest(db, new Date("2032-05-01T00:00:00Z"), { withdrawnAt: new Date("2032-05-02T00:00:00Z") });
    const asked = await insertLeadRequest(db, new Date("2032-01-01T00:00:00Z"), { deletionRequestedAt: new Date("2032-04-01T00:00:00Z") });
    const [p] = await db.select({ id: programs.id }).from(programs).where(eq(programs.schoolId, schoolA)).limit(1);
    const [oldLead] = await db.insert(leads).values({ requestId: old, schoolId: schoolA, programId: p!.id }).returning({ id: leads.id });
    await db.insert(emailOutbox).values({
      kind: "lead_notification",
      leadId: oldLead!.id,
      schoolId: schoolA,
      toAddresses: ["admissions@example.com"],
      subject: "New lead",
      html: "<p>Robin Test</p>",
      text: "Robin Test",
      idempotencyKey: `lead:${oldLead!.id}`,
      status: "sent",
    });

    const { rows } = await listPrivacyRequests({ now, limit: 200 }, db);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.has(old)).toBe(false);
    expect(byId.get(recent)).toMatchObject({ state: "withdrawn", overdue: false, dueAt: new Date("2032-06-16T00:00:00Z") });
    expect(byId.get(asked)).toMatchObject({ state: "deletion_requested", overdue: true, dueAt: new Date("2032-05-16T00:00:00Z") });
    const open = await listPrivacyRequests({ state: "open", now, limit: 200 }, db);
    expect(open.rows.map((r) => r.id)).toContain(asked);
    expect(open.rows.map((r) => r.id)).not.toContain(recent);

    expect(await getRetentionMonths(db)).toBe(24);
    await setRetentionMonths(36, operatorId, db);
    await setRetentionMonths(30, operatorId, db);
    expect(await getRetentionMonths(db)).toBe(30);

    const scrubbed = await scrubExpiredLeadRequests(30, { userId: operatorId, now }, db);
    expect(scrubbed).toBeGreaterThanOrEqual(1);
    const [oldRow] = await db.select().from(leadRequests).where(eq(leadRequests.id, old));
    expect(oldRow).toMatchObject({ firstName: "Deleted", email: "", phoneE164: "", zip: "", scrubbedAt: now });
    for (const id of [recent, asked]) {
      const [r] = await db.select().from(leadRequests).where(eq(leadRequests.id, id));
      expect(r!.scrubbedAt).toBeNull();
      expect(r!.email).not.toBe("");
    }
    expect(await db.$count(consentRecords, eq(consentRecords.requestId, old))).toBe(1);
    expect(await db.$count(leads, eq(leads.requestId, old))).toBe(1);
    const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.leadId, oldLead!.id));
    expect(email!.text).not.toContain("Robin");
    expect(email!.status).toBe("sent");
    expect(await scrubExpiredLeadRequests(30, { userId: operatorId, now }, db)).toBe(0);
    expect(await db.$count(auditEvents, eq(auditEvents.action, "lead_requests.retention_scrub"))).toBe(2);
  });

  it("filters the audit log by action (exact or prefix), actor, school and day, newest first, in pages", async () => {
    const at = (d: string) => new Date(`${d}T12:00:00Z`);
    await db.insert(auditEvents).values([
      { action: "zz.one", actorUserId: operatorId, schoolId: schoolA, createdAt: at("2033-01-01") },
      { action: "zz.two", actorUserId: operatorId, schoolId: null, createdAt: at("2033-01-02") },
      { action: "zz.two", actorUserId: null, schoolId: schoolA, createdAt: at("2033-01-03") },
    ]);
    const all = await listAuditPage({ action: "zz." }, { limit: 2, offset: 0 }, db);
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.createdAt)).toEqual([at("2033-01-03"), at("2033-01-02")]);
    const next = await listAuditPage({ action: "zz." }, { limit: 2, offset: 2 }, db);
    expect(next.rows.map((r) => r.action)).toEqual(["zz.one"]);
    expect((await listAuditPage({ action: "zz.two" }, { limit: 50, offset: 0 }, db)).total).toBe(2);
    expect((await listAuditPage({ action: "zz" }, { limit: 50, offset: 0 }, db)).total).toBe(0);
    const byActor = await listAuditPage({ action: "zz.", actor: "OPERATOR@careerpath" }, { limit: 50, offset: 0 }, db);
    expect(byActor.total).toBe(2);
    expect(byActor.rows[0]!.actorEmail).toBe("operator@careerpath.example");
    expect((await listAuditPage({ action: "zz.", schoolId: schoolA }, { limit: 50, offset: 0 }, db)).total).toBe(2);
    const day = await listAuditPage({ action: "zz.", from: new Date("2033-01-02T00:00:00Z"), to: new Date("2033-01-03T00:00:00Z") }, { limit: 50, offset: 0 }, db);
    expect(day.rows.map((r) => r.action)).toEqual(["zz.two"]);
  });
});
