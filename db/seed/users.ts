/**
 * Demo accounts (and a few demo leads so the portal has something to show). Idempotent: accounts
 * that exist are left alone. The password is for demo data only; never seed it in production.
 */
import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import bcrypt from "bcryptjs";
import type { Db } from "../client";
import { campuses, consentRecords, leadRequests, leads, programs, schoolMemberships, schools, users } from "../schema";

export const DEMO_PASSWORD = "demo-password-2026";

type DemoAccount = {
  email: string;
  name: string;
  role: "operator" | "user";
  memberships: readonly { school: string; role: "admin" | "member" }[];
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "operator@careerpath.example", name: "Olivia Operator", role: "operator", memberships: [] },
  { email: "admin@pacific-crest.example", name: "Ada Admin", role: "user", memberships: [{ school: "pacific-crest-college", role: "admin" }] },
  { email: "member@pacific-crest.example", name: "Milo Member", role: "user", memberships: [{ school: "pacific-crest-college", role: "member" }] },
  { email: "admin@valley-allied.example", name: "Bea Admin", role: "user", memberships: [{ school: "valley-allied-health-institute", role: "admin" }] },
  // Someone who works leads for two schools: the portal's school switcher.
  {
    email: "shared@careerpath.example",
    name: "Sam Shared",
    role: "user",
    memberships: [
      { school: "pacific-crest-college", role: "member" },
      { school: "valley-allied-health-institute", role: "member" },
    ],
  },
];

const DEMO_LEADS = [
  { school: "pacific-crest-college", firstName: "Jordan", lastName: "Rivera", email: "jordan.rivera@example.com", zip: "90012" },
  { school: "pacific-crest-college", firstName: "Casey", lastName: "Nguyen", email: "casey.nguyen@example.com", zip: "90501" },
  { school: "valley-allied-health-institute", firstName: "Avery", lastName: "Patel", email: "avery.patel@example.com", zip: "91402" },
  { school: "valley-allied-health-institute", firstName: "Riley", lastName: "Chen", email: "riley.chen@example.com", zip: "91405" },
] as const;

const CONSENT_TEXT =
  "By ticking this box I agree that the school named above may contact me by email, phone call or text at the number I gave, including by automated means, about its programs. Agreeing is not a condition of enrolling or buying anything.";

export async function seedUsers(db: Db): Promise<{ users: number; leads: number }> {
  const hash = await bcrypt.hash(DEMO_PASSWORD, 11);
  return db.transaction(async (tx) => {
    const slugs: string[] = ["pacific-crest-college", "valley-allied-health-institute"];
    const schoolRows = await tx.select({ id: schools.id, slug: schools.slug, name: schools.name }).from(schools).where(inArray(schools.slug, slugs));
    const school = new Map(schoolRows.map((s) => [s.slug, s]));

    let created = 0;
    for (const account of DEMO_ACCOUNTS) {
      const inserted = await tx
        .insert(users)
        .values({ email: account.email, name: account.name, role: account.role, passwordHash: hash, emailVerified: new Date() })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      created += inserted.length;
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, account.email));
      for (const membership of account.memberships) {
        const s = school.get(membership.school);
        if (user && s) await tx.insert(schoolMemberships).values({ userId: user.id, schoolId: s.id, role: membership.role }).onConflictDoNothing();
      }
    }

    let leadCount = 0;
    for (const [i, demo] of DEMO_LEADS.entries()) {
      const s = school.get(demo.school);
      if (!s) continue;
      const key = `demo-lead-${demo.school}-${i}`;
      const [request] = await tx
        .insert(leadRequests)
        .values({
          idempotencyKey: key,
          firstName: demo.firstName,
          lastName: demo.lastName,
          email: demo.email,
          phoneE164: `+1213555${String(100 + i).padStart(4, "0")}`,
          zip: demo.zip,
          city: "Los Angeles",
          state: "CA",
          educationLevel: "high_school",
          desiredStart: "1_3_months",
          createdAt: new Date(Date.UTC(2026, 0, 20 + i, 16)),
        })
        .onConflictDoNothing({ target: leadRequests.idempotencyKey })
        .returning({ id: leadRequests.id, createdAt: leadRequests.createdAt });
      if (!request) continue;
      const [program] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.schoolId, s.id)).limit(1);
      const [campus] = await tx.select({ id: campuses.id }).from(campuses).where(eq(campuses.schoolId, s.id)).limit(1);
      if (!program) continue;
      await tx.insert(consentRecords).values({
        requestId: request.id,
        textVersion: "demo-v1",
        text: CONSENT_TEXT,
        textSha256: createHash("sha256").update(CONSENT_TEXT).digest("hex"),
        schoolIds: [s.id],
        schoolNames: [s.name],
        consentedAt: request.createdAt,
        ipAddress: "203.0.113.10",
        userAgent: "demo seed",
        pageUrl: "/careers/medical-records-and-health-information-technicians",
      });
      await tx.insert(leads).values({ requestId: request.id, schoolId: s.id, programId: program.id, campusId: campus?.id ?? null, createdAt: request.createdAt });
      leadCount++;
    }
    return { users: created, leads: leadCount };
  });
}
