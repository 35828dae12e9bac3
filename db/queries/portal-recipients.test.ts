import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../client";
import { campuses, emailOutbox, leads, programCampuses, programs, schools, users } from "../schema";
import { seed } from "../seed";
import {
  addRecipient,
  confirmRecipient,
  getPendingConfirmation,
  getRecipient,
  listRecipients,
  removeRecipient,
  resendRecipientConfirmation,
} from "./portal-recipients";
import type { SchoolScope } from "@/lib/auth/scope";
import { recipientConfirmation, RECIPIENT_LINK_TTL_HOURS, tokenHashFromLink } from "@/lib/email/recipient-confirmation";
import { submitLeadRequest } from "@/lib/leads/submit";
import { validForm } from "@/lib/testing/lead-form";
import { recipientSchema } from "@/lib/validations/recipient";
import { testDatabases } from "@/lib/testing/db";

/** The link in the newest confirmation email to `to`. */
async function linkFor(db: DbHandle["db"], to: string) {
  const rows = await db
    .select({ text: emailOutbox.text, createdAt: emailOutbox.createdAt })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.kind, "recipient_confirmation"), sql`${to} = any(${emailOutbox.toAddresses})`))
    .orderBy(sql`${emailOutbox.createdAt} desc`);
  const match = /\/lead-recipients\/confirm\/([A-Za-z0-9_.-]+)/.exec(rows[0]?.text ?? "");
  if (!match?.[1]) throw new Error(`no confirmation email to ${to}`);
  return { link: match[1], count: rows.length };
}

const lead = (programId: number, campusId: number) => validForm(programId, { zip: "90501", campusId: String(campusId), attribution: {} });

describe.each(testDatabases())("lead recipients on $name", ({ open }) => {
  let handle: DbHandle;
  let a: SchoolScope;
  let b: SchoolScope;
  let aCampuses: { id: number; name: string }[];
  let bCampus: number;

  beforeAll(async () => {
    handle = await open();
    await seed(handle.db);
    const db = handle.db;
    const school = async (slug: string) => (await db.select({ id: schools.id }).from(schools).where(eq(schools.slug, slug)))[0]!.id;
    const user = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;
    a = { schoolId: await school("pacific-crest-college"), role: "admin", userId: await user("admin@pacific-crest.example"), isOperator: false };
    b = { schoolId: await school("valley-allied-health-institute"), role: "admin", userId: await user("admin@valley-allied.example"), isOperator: false };
    aCampuses = await db.select({ id: campuses.id, name: campuses.name }).from(campuses).where(eq(campuses.schoolId, a.schoolId)).orderBy(campuses.id);
    bCampus = (await db.select({ id: campuses.id }).from(campuses).where(eq(campuses.schoolId, b.schoolId)))[0]!.id;
  });
  afterAll(async () => handle?.close());

  const add = async (scope: SchoolScope, email: string, campusId: number | null) =>
    addRecipient(scope, recipientSchema.parse({ email, campusId: campusId === null ? "" : String(campusId) }), await recipientConfirmation({ schoolName: "X", campusName: null }), handle.db);

  it("refuses a malformed address, a duplicate (whatever its case) and another school's campus", async () => {
    expect(recipientSchema.safeParse({ email: "not-an-address", campusId: "" }).success).toBe(false);
    const email = `dup.${randomUUID().slice(0, 6)}@pacific-crest.example`;
    expect(await add(a, email, null)).toMatchObject({ ok: true });
    expect(await add(a, email.toUpperCase(), null)).toEqual({ ok: false, reason: "duplicate" });
    expect(await add(a, `other.${email}`, bCampus)).toEqual({ ok: false, reason: "bad_campus" });
    // The same address may serve another school.
    expect(await add(b, email, null)).toMatchObject({ ok: true });
  });

  it("keeps each school's list to itself: another school's ids are not found", async () => {
    const email = `wall.${randomUUID().slice(0, 6)}@valley.example`;
    const added = await add(b, email, null);
    if (!added.ok) throw new Error("not added");
    expect(await getRecipient(a, added.id, handle.db)).toBeNull();
    expect((await listRecipients(a, handle.db)).map((r) => r.email)).not.toContain(email);
    expect(await resendRecipientConfirmation(a, added.id, await recipientConfirmation({ schoolName: "X", campusName: null }), handle.db)).toBe("not_found");
    expect(await removeRecipient(a, added.id, handle.db)).toBeNull();
    expect(await getRecipient(b, added.id, handle.db)).not.toBeNull();
    expect(await removeRecipient(b, added.id, handle.db)).toEqual({ email });
    expect(await getRecipient(b, added.id, handle.db)).toBeNull();
  });

  it("confirms once, through a signed link that expires; resending retires the old link", async () => {
    const email = `link.${randomUUID().slice(0, 6)}@pacific-crest.example`;
    const added = await add(a, email, aCampuses[0]!.id);
    if (!added.ok) throw new Error("not added");
    const first = await linkFor(handle.db, email);
    expect(await resendRecipientConfirmation(a, added.id, await recipientConfirmation({ schoolName: "X", campusName: null }), handle.db)).toBe("sent");
    const second = await linkFor(handle.db, email);
    expect(second.count).toBe(2);
    expect(tokenHashFromLink(`${second.link}x`)).toBeNull();
    expect(tokenHashFromLink(second.link, Date.now() + (RECIPIENT_LINK_TTL_HOURS + 1) * 3600_000)).toBeNull();
    const oldHash = tokenHashFromLink(first.link)!;
    expect(await getPendingConfirmation(oldHash, handle.db)).toBeNull();
    expect(await confirmRecipient(oldHash, new Date(), handle.db)).toBeNull();

    const hash = tokenHashFromLink(second.link)!;
    expect(await getPendingConfirmation(hash, handle.db)).toMatchObject({ email, campusName: aCampuses[0]!.name });
    expect(await confirmRecipient(hash, new Date(), handle.db)).toEqual({ id: added.id, schoolId: a.schoolId });
    expect(await confirmRecipient(hash, new Date(), handle.db)).toBeNull();
    expect((await getRecipient(a, added.id, handle.db))?.confirmedAt).toBeInstanceOf(Date);
    expect(await resendRecipientConfirmation(a, added.id, await recipientConfirmation({ schoolName: "X", campusName: null }), handle.db)).toBe("confirmed");
  });

  it("sends a lead to confirmed school-wide recipients and to a campus's own, never to a pending one", async () => {
    const [p] = await handle.db
      .select({ id: programs.id })
      .from(programs)
      .where(and(eq(programs.schoolId, a.schoolId), eq(programs.status, "active"), sql`(select count(*) from ${programCampuses} where ${programCampuses.programId} = ${programs.id}) >= 2`))
      .limit(1);
    const offered = await handle.db.select({ campusId: programCampuses.campusId }).from(programCampuses).where(eq(programCampuses.programId, p!.id)).orderBy(programCampuses.campusId);
    const [here, there] = offered.map((o) => o.campusId) as [number, number];
    const tag = randomUUID().slice(0, 6);
    const confirmAll = async (...emails: string[]) => {
      for (const e of emails) await confirmRecipient(tokenHashFromLink((await linkFor(handle.db, e)).link)!, new Date(), handle.db);
    };
    const wide = `wide.${tag}@pacific-crest.example`;
    const local = `here.${tag}@pacific-crest.example`;
    const elsewhere = `there.${tag}@pacific-crest.example`;
    const pending = `pending.${tag}@pacific-crest.example`;
    await add(a, wide, null);
    await add(a, local, here);
    await add(a, elsewhere, there);
    await add(a, pending, null);
    await confirmAll(wide, local, elsewhere);

    const sent = await submitLeadRequest(lead(p!.id, here), { ip: "10.55.0.1", userAgent: "vitest", pageUrl: null }, handle.db);
    expect(sent.ok).toBe(true);
    const [leadRow] = await handle.db.select({ id: leads.id }).from(leads).where(eq(leads.requestId, sent.data!.requestId));
    const [mail] = await handle.db.select({ to: emailOutbox.toAddresses }).from(emailOutbox).where(and(eq(emailOutbox.leadId, leadRow!.id), eq(emailOutbox.kind, "lead_notification")));
    expect(mail!.to).toContain(wide);
    expect(mail!.to).toContain(local);
    expect(mail!.to).not.toContain(elsewhere);
    expect(mail!.to).not.toContain(pending);
  });
});
