import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { DbHandle } from "../client";
import { campuses, consentRecords, invitations, leadRequests, leads, programOccupations, programs, schoolLeadRecipients, schoolMemberships, schools, signInAttempts, users } from "../schema";
import { seed } from "../seed";
import { createCampus, deleteCampus, getCampus, listCampuses, removeSchoolMember, updateCampus } from "./portal";
import { approveProgram, createProgram, getProgramPreview, getSchoolProgram, transitionProgram, updateProgram } from "./portal-programs";
import { getLeadDetail, iterateLeadsForExport, listLeads, listLeadsSince, ownPartOfConsent, updateLeadStatus } from "./portal-leads";
import {
  acceptInvitation,
  createInvitation,
  createSessionRecord,
  getOpenInvitation,
  getSessionUser,
  deleteSessionRecord,
  isSignInLocked,
  MAX_FAILURES_PER_ACCOUNT,
  recordSignInAttempt,
  setUserDisabled,
} from "./users";
import { consentText } from "@/lib/leads/consent";
import { resolveScope, type SchoolScope } from "@/lib/auth/scope";
import { programSchema } from "@/lib/validations/program";
import { testDatabases } from "@/lib/testing/db";

describe.each(testDatabases())("school walls and sign-in on $name", ({ open }) => {
  let handle: DbHandle;
  let a: SchoolScope;
  let b: SchoolScope;
  let aLead: string;
  let bLead: string;
  let bProgram: number;
  let bCampus: number;
  let aCampus: number;
  let bAdminId: string;

  beforeAll(async () => {
    handle = await open();
    await seed(handle.db);
    const db = handle.db;
    const id = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
    const school = async (slug: string) => (await db.select({ id: schools.id }).from(schools).where(eq(schools.slug, slug)))[0]!.id;
    const aId = await school("pacific-crest-college");
    const bId = await school("valley-allied-health-institute");
    bAdminId = await id("admin@valley-allied.example");
    a = { schoolId: aId, role: "admin", userId: await id("admin@pacific-crest.example"), isOperator: false };
    b = { schoolId: bId, role: "admin", userId: bAdminId, isOperator: false };
    aLead = (await db.select({ id: leads.id }).from(leads).where(eq(leads.schoolId, aId)))[0]!.id;
    bLead = (await db.select({ id: leads.id }).from(leads).where(eq(leads.schoolId, bId)))[0]!.id;
    bProgram = (await db.select({ id: programs.id }).from(programs).where(eq(programs.schoolId, bId)))[0]!.id;
    bCampus = (await db.select({ id: campuses.id }).from(campuses).where(eq(campuses.schoolId, bId)))[0]!.id;
    aCampus = (await db.select({ id: campuses.id }).from(campuses).where(eq(campuses.schoolId, aId)))[0]!.id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  const validProgram = (campusIds: number[]) =>
    programSchema.parse({
      title: "Wall Test Program",
      programAreaId: "1",
      credentialLevel: "certificate",
      delivery: "campus",
      lengthMonths: "6",
      description: "",
      highlights: "One\nTwo",
      websiteUrl: "https://example.com/p",
      campusIds: campusIds.map(String),
      dailyLeadCap: "",
      monthlyLeadCap: "100",
    });

  it("school A sees none of school B's leads, in lists, details, live updates or exports", async () => {
    const db = handle.db;
    const list = await listLeads(a, {}, 500, db);
    expect(list.map((l) => l.id)).toContain(aLead);
    expect(list.map((l) => l.id)).not.toContain(bLead);
    expect(await getLeadDetail(a, bLead, db)).toBeNull();
    expect(await getLeadDetail(a, aLead, db)).not.toBeNull();
    expect(await getLeadDetail(a, "not-a-uuid", db)).toBeNull();
    const since = await listLeadsSince(a, {}, new Date(0), db);
    expect(since.map((l) => l.id)).not.toContain(bLead);
    const exported = [];
    for await (const row of iterateLeadsForExport(a, {}, 1, db)) exported.push(row.id);
    expect(exported).toContain(aLead);
    expect(exported).not.toContain(bLead);
    // A filter naming B's program still returns nothing of B's.
    expect(await listLeads(a, { program: bProgram }, 500, db)).toEqual([]);
  });

  it("school A cannot change school B's leads, programs, campuses or people", async () => {
    const db = handle.db;
    expect(await updateLeadStatus(a, bLead, { status: "contacted", closedReason: "", note: "x" }, db)).toBe(false);
    const [bLeadRow] = await db.select({ status: leads.status }).from(leads).where(eq(leads.id, bLead));
    expect(bLeadRow?.status).toBe("new");

    expect(await getSchoolProgram(a, bProgram, db)).toBeNull();
    expect(await getProgramPreview(a, bProgram, db)).toBeNull();
    expect(await updateProgram(a, bProgram, validProgram([aCampus]), db)).toEqual({ ok: false, reason: "not_found" });
    expect(await transitionProgram(a, bProgram, "pause", db)).toBe(false);
    const [bProgramRow] = await db.select({ status: programs.status, title: programs.title }).from(programs).where(eq(programs.id, bProgram));
    expect(bProgramRow?.status).toBe("active");
    expect(bProgramRow?.title).not.toBe("Wall Test Program");

    // A program of A's may not be offered at B's campus.
    expect(await createProgram(a, validProgram([bCampus]), db)).toEqual({ ok: false, reason: "bad_campus" });

    expect(await getCampus(a, bCampus, db)).toBeNull();
    expect((await listCampuses(a, db)).map((c) => c.id)).not.toContain(bCampus);
    const located = { name: "Taken", address: "1 Main St", city: "X", state: "CA" as const, zip: "90012", latitude: 1, longitude: 1 };
    expect(await updateCampus(a, bCampus, located, db)).toBe(false);
    expect(await deleteCampus(a, bCampus, db)).toBe("not_found");
    expect(await getCampus(b, bCampus, db)).not.toBeNull();

    expect(await removeSchoolMember(a, bAdminId, db)).toBe("not_found");
    const membership = await db.select().from(schoolMemberships).where(eq(schoolMemberships.userId, bAdminId));
    expect(membership).toHaveLength(1);
  });

  it("a campus where a program is offered cannot be removed", async () => {
    expect(await deleteCampus(b, bCampus, handle.db)).toBe("in_use");
  });

  it("a new program goes draft → in review → live; an edit to a live listing waits for review", async () => {
    const db = handle.db;
    const created = await createProgram(a, validProgram([aCampus]), db);
    if (!created.ok) throw new Error("create failed");
    expect(await transitionProgram(a, created.id, "resume", db)).toBe(false);
    expect(await transitionProgram(a, created.id, "submit", db)).toBe(true);
    expect((await approveProgram(created.id, db))?.status).toBe("active");
    // Linked to the careers its area prepares for, so it is listed beside them.
    const links = await db.select().from(programOccupations).where(eq(programOccupations.programId, created.id));
    expect(links.length).toBeGreaterThan(0);

    const edit = { ...validProgram([aCampus]), title: "Wall Test Program, renamed" };
    expect(await updateProgram(a, created.id, edit, db)).toEqual({ ok: true, id: created.id, live: false });
    const pending = await getSchoolProgram(a, created.id, db);
    expect(pending?.title).toBe("Wall Test Program");
    expect(pending?.pending?.title).toBe("Wall Test Program, renamed");
    expect((await getProgramPreview(a, created.id, db))?.title).toBe("Wall Test Program, renamed");
    await approveProgram(created.id, db);
    expect((await getSchoolProgram(a, created.id, db))?.title).toBe("Wall Test Program, renamed");

    await db.update(schools).set({ publishWithoutReview: true }).where(eq(schools.id, a.schoolId));
    const direct = await updateProgram(a, created.id, { ...edit, title: "Live at once" }, db);
    expect(direct).toEqual({ ok: true, id: created.id, live: true });
    expect((await getSchoolProgram(a, created.id, db))?.title).toBe("Live at once");
    await db.update(schools).set({ publishWithoutReview: false }).where(eq(schools.id, a.schoolId));
  });

  it("a lead's status change is recorded in its history", async () => {
    const db = handle.db;
    expect(await updateLeadStatus(a, aLead, { status: "closed", closedReason: "Enrolled elsewhere", note: "" }, db)).toBe(true);
    const detail = await getLeadDetail(a, aLead, db);
    expect(detail?.status).toBe("closed");
    expect(detail?.closedReason).toBe("Enrolled elsewhere");
    expect(detail?.history.at(-1)).toMatchObject({ fromStatus: "new", toStatus: "closed", actor: "admin@pacific-crest.example" });
  });

  it("resolves the active school only among the user's memberships", () => {
    const user = {
      id: "u",
      email: "u@example.com",
      name: null,
      role: "user" as const,
      memberships: [
        { schoolId: 1, schoolName: "One", schoolSlug: "one", role: "member" as const },
        { schoolId: 2, schoolName: "Two", schoolSlug: "two", role: "admin" as const },
      ],
    };
    expect(resolveScope(user, 2, false)).toMatchObject({ schoolId: 2, role: "admin" });
    expect(resolveScope(user, 99, false)).toMatchObject({ schoolId: 1, role: "member" });
    expect(resolveScope(user, undefined, false)).toMatchObject({ schoolId: 1 });
    expect(resolveScope({ ...user, memberships: [] }, 1, true)).toBeNull();
    const operator = { ...user, role: "operator" as const, memberships: [] };
    expect(resolveScope(operator, 5, true)).toMatchObject({ schoolId: 5, role: "admin", isOperator: true });
    expect(resolveScope(operator, 5, false)).toBeNull();
  });

  it("sessions end on sign-out and when the user is disabled", async () => {
    const db = handle.db;
    const sid = await createSessionRecord(a.userId, 3600, db);
    expect((await getSessionUser(sid, db))?.memberships.map((m) => m.schoolId)).toEqual([a.schoolId]);
    await deleteSessionRecord(sid, db);
    expect(await getSessionUser(sid, db)).toBeNull();

    const [member] = await db.select({ id: users.id }).from(users).where(eq(users.email, "member@pacific-crest.example"));
    const sid2 = await createSessionRecord(member!.id, 3600, db);
    await setUserDisabled(member!.id, true, db);
    expect(await getSessionUser(sid2, db)).toBeNull();
    await setUserDisabled(member!.id, false, db);
    expect(await getSessionUser(await createSessionRecord(member!.id, -1, db), db)).toBeNull(); // expired
  });

  it("locks password sign-in after repeated failures for an account, until a success", async () => {
    const db = handle.db;
    const email = "locked@example.com";
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await recordSignInAttempt({ email, ipAddress: `198.51.100.${i}`, succeeded: false }, db);
    expect((await isSignInLocked(email, "198.51.100.200", db)).account).toBe(false);
    await recordSignInAttempt({ email: "LOCKED@example.com", ipAddress: "198.51.100.9", succeeded: false }, db);
    expect((await isSignInLocked(email, "198.51.100.200", db)).account).toBe(true);
    expect((await isSignInLocked("other@example.com", "198.51.100.200", db)).account).toBe(false);
    const rows = await db.select().from(signInAttempts).where(eq(signInAttempts.email, email));
    expect(rows).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
  });

  it("an invitation works once and not after it expires", async () => {
    const db = handle.db;
    const invite = await createInvitation({ email: "New.Person@Example.com", schoolId: a.schoolId, role: "member", invitedBy: a.userId }, db);
    expect(await getOpenInvitation(invite.token, db)).toMatchObject({ email: "new.person@example.com", role: "member" });
    const accepted = await acceptInvitation(invite.token, { name: "New Person", passwordHash: null }, db);
    expect(accepted?.schoolId).toBe(a.schoolId);
    expect(await acceptInvitation(invite.token, { name: "Again", passwordHash: null }, db)).toBeNull();
    const membership = await db.select().from(schoolMemberships).where(eq(schoolMemberships.userId, accepted!.userId));
    expect(membership).toMatchObject([{ schoolId: a.schoolId, role: "member" }]);

    const old = await createInvitation({ email: "late@example.com", schoolId: a.schoolId, role: "admin", invitedBy: a.userId }, db);
    await db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, old.id));
    expect(await getOpenInvitation(old.token, db)).toBeNull();
    expect(await acceptInvitation(old.token, { name: "Late", passwordHash: null }, db)).toBeNull();
  });

  /** A request to `schoolIds` (one lead each, the first program and campus given), consented naming them all. */
  async function requestTo(schoolIds: number[], at: Date, place: { programId: number; campusId: number | null }[], status: "new" | "contacted" = "new") {
    const db = handle.db;
    const names = await Promise.all(schoolIds.map(async (id) => (await db.select({ name: schools.name }).from(schools).where(eq(schools.id, id)))[0]!.name));
    const n = Math.floor(Math.random() * 1e9);
    const [request] = await db
      .insert(leadRequests)
      .values({
        idempotencyKey: `wall-${n}`,
        firstName: "Pat",
        lastName: "Walls",
        email: `pat.${n}@example.com`,
        phoneE164: "+12135550199",
        zip: "90012",
        city: "Los Angeles",
        state: "CA",
        educationLevel: "high_school",
        desiredStart: "1_3_months",
        createdAt: at,
      })
      .returning({ id: leadRequests.id });
    const text = consentText(names);
    await db.insert(consentRecords).values({
      requestId: request!.id,
      textVersion: "test",
      text,
      textSha256: "0".repeat(64),
      schoolIds,
      schoolNames: names,
      consentedAt: at,
      ipAddress: "203.0.113.1",
      userAgent: "test",
      pageUrl: null,
    });
    const rows = await db
      .insert(leads)
      .values(schoolIds.map((schoolId, i) => ({ requestId: request!.id, schoolId, programId: place[i]!.programId, campusId: place[i]!.campusId, createdAt: at, status })))
      .returning({ id: leads.id });
    return { leadIds: rows.map((r) => r.id), names };
  }

  it("a school sees only itself among the schools a consent names, in the list and in the text shown", async () => {
    const db = handle.db;
    const aProgram = (await db.select({ id: programs.id }).from(programs).where(eq(programs.schoolId, a.schoolId)))[0]!.id;
    const { leadIds, names } = await requestTo([a.schoolId, b.schoolId], new Date(), [
      { programId: aProgram, campusId: aCampus },
      { programId: bProgram, campusId: bCampus },
    ]);
    const [nameA, nameB] = names as [string, string];
    const forA = await getLeadDetail(a, leadIds[0]!, db);
    expect(forA?.consent?.schoolNames).toEqual([nameA]);
    expect(forA?.consent?.schoolIds).toEqual([a.schoolId]);
    expect(forA?.consent?.text).toContain(nameA);
    expect(forA?.consent?.text).not.toContain(nameB);
    const forB = await getLeadDetail(b, leadIds[1]!, db);
    expect(forB?.consent?.schoolNames).toEqual([nameB]);
    expect(forB?.consent?.text).not.toContain(nameA);
    // The stored record stays whole.
    const [stored] = await db.select().from(consentRecords).innerJoin(leads, eq(leads.requestId, consentRecords.requestId)).where(eq(leads.id, leadIds[0]!));
    expect(stored?.consent_records.schoolNames).toEqual([nameA, nameB]);
    // Another school whose name is part of this one's does not cut it.
    const part = ownPartOfConsent({ schoolIds: [1, 2], schoolNames: ["Crest College of Art", "Crest College"], text: consentText(["Crest College of Art", "Crest College"]) }, 1);
    expect(part.text).toContain("Crest College of Art and another school");
    expect(part.schoolNames).toEqual(["Crest College of Art"]);
  });

  it("filters the lead list by date range, program, campus and status", async () => {
    const db = handle.db;
    const created = await createProgram(a, { ...validProgram([aCampus]), title: "Filter Test Program" }, db);
    if (!created.ok) throw new Error("create failed");
    const [p1] = await db.select({ id: programs.id }).from(programs).where(eq(programs.schoolId, a.schoolId));
    const c2 = await createCampus(a, { name: "Filter Campus", address: "2 Main St", city: "Los Angeles", state: "CA", zip: "90012", latitude: 1, longitude: 1 }, db);
    const one = (await requestTo([a.schoolId], new Date("2025-03-01T10:00:00Z"), [{ programId: p1!.id, campusId: aCampus }])).leadIds[0];
    const two = (await requestTo([a.schoolId], new Date("2025-03-15T23:30:00Z"), [{ programId: created.id, campusId: c2 }], "contacted")).leadIds[0];
    const three = (await requestTo([a.schoolId], new Date("2025-04-02T08:00:00Z"), [{ programId: p1!.id, campusId: c2 }])).leadIds[0];
    const ids = async (f: Parameters<typeof listLeads>[1]) => (await listLeads(a, { from: "2025-01-01", to: "2025-12-31", ...f }, 500, db)).map((l) => l.id).sort();
    const sorted = (...list: (string | undefined)[]) => [...list].sort();
    expect(await ids({})).toEqual(sorted(one, two, three));
    expect(await ids({ to: "2025-03-15" })).toEqual(sorted(one, two)); // the end day is included, to its last minute
    expect(await ids({ from: "2025-03-02" })).toEqual(sorted(two, three));
    expect(await ids({ from: "2025-03-02", to: "2025-03-31" })).toEqual(sorted(two));
    expect(await ids({ program: created.id })).toEqual(sorted(two));
    expect(await ids({ campus: c2 })).toEqual(sorted(two, three));
    expect(await ids({ program: p1!.id, campus: c2 })).toEqual(sorted(three));
    expect(await ids({ status: "contacted" })).toEqual(sorted(two));
    expect(await ids({ status: "new", campus: aCampus })).toEqual(sorted(one));
    // B's campus as a filter finds nothing of B's.
    expect(await ids({ campus: bCampus })).toEqual([]);
  });

  it("keeps a status change's note in the lead's history", async () => {
    const db = handle.db;
    expect(await updateLeadStatus(a, aLead, { status: "contacted", closedReason: "", note: "Left a voicemail at 3 pm" }, db)).toBe(true);
    const detail = await getLeadDetail(a, aLead, db);
    expect(detail?.history.at(-1)).toMatchObject({ toStatus: "contacted", note: "Left a voicemail at 3 pm", actor: "admin@pacific-crest.example" });
  });

  it("refuses to remove a campus named in an edit waiting for review, or one lead recipients are kept for", async () => {
    const db = handle.db;
    const place = { address: "3 Main St", city: "Los Angeles", state: "CA" as const, zip: "90012", latitude: 1, longitude: 1 };
    const pendingCampus = await createCampus(a, { ...place, name: "Pending Edit Campus" }, db);
    const recipientCampus = await createCampus(a, { ...place, name: "Recipient Campus" }, db);
    const freeCampus = await createCampus(a, { ...place, name: "Free Campus" }, db);

    const created = await createProgram(a, { ...validProgram([aCampus]), title: "Pending Campus Program" }, db);
    if (!created.ok) throw new Error("create failed");
    await transitionProgram(a, created.id, "submit", db);
    await approveProgram(created.id, db);
    expect(await updateProgram(a, created.id, validProgram([aCampus, pendingCampus]), db)).toMatchObject({ ok: true, live: false });
    expect(await deleteCampus(a, pendingCampus, db)).toBe("in_pending_edit");
    expect(await getCampus(a, pendingCampus, db)).not.toBeNull();
    // Once the edit is approved the campus is in use; the review can still be carried out.
    expect((await approveProgram(created.id, db))?.status).toBe("active");
    expect(await deleteCampus(a, pendingCampus, db)).toBe("in_use");

    await db.insert(schoolLeadRecipients).values({ schoolId: a.schoolId, campusId: recipientCampus, email: "campus-only@example.com", confirmedAt: new Date() });
    expect(await deleteCampus(a, recipientCampus, db)).toBe("has_recipients");
    expect(await db.select().from(schoolLeadRecipients).where(eq(schoolLeadRecipients.campusId, recipientCampus))).toHaveLength(1);

    expect(await deleteCampus(a, freeCampus, db)).toBe("deleted");
    expect(await deleteCampus(b, pendingCampus, db)).toBe("not_found");
  });
});
