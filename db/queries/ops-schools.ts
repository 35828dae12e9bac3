import "server-only";
import { and, asc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { invitations, programs, schoolMemberships, schools, users, type School } from "../schema";
import type { OpsSchoolInput } from "@/lib/validations/ops-schools";

/* Operators only: callers have checked the role. */

export type OpsSchoolRow = Pick<School, "id" | "name" | "slug" | "status" | "publishWithoutReview" | "website"> & {
  programs: number;
  activePrograms: number;
  members: number;
};

/** Schools by name, with counts; `q` matches name, slug or website (case-insensitive). */
export async function listSchoolsForOps(filter: { q?: string; status?: School["status"] } = {}, db?: Db): Promise<OpsSchoolRow[]> {
  const d = db ?? (await getDb());
  const conditions: SQL[] = [];
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(schools.name, like), ilike(schools.slug, like), ilike(schools.website, like));
    if (match) conditions.push(match);
  }
  if (filter.status) conditions.push(eq(schools.status, filter.status));
  return d
    .select({
      id: schools.id,
      name: schools.name,
      slug: schools.slug,
      status: schools.status,
      publishWithoutReview: schools.publishWithoutReview,
      website: schools.website,
      programs: sql<number>`(select count(*)::int from ${programs} where ${programs.schoolId} = ${schools.id})`,
      activePrograms: sql<number>`(select count(*)::int from ${programs} where ${programs.schoolId} = ${schools.id} and ${programs.status} = 'active')`,
      members: sql<number>`(select count(*)::int from ${schoolMemberships} where ${schoolMemberships.schoolId} = ${schools.id})`,
    })
    .from(schools)
    .where(and(...conditions))
    .orderBy(asc(schools.name), asc(schools.id))
    .limit(500);
}

export async function getSchoolForOps(schoolId: number, db?: Db) {
  const d = db ?? (await getDb());
  const [school] = await d.select().from(schools).where(eq(schools.id, schoolId)).limit(1);
  if (!school) return null;
  const [members, openInvitations] = await Promise.all([
    d
      .select({ userId: users.id, email: users.email, name: users.name, role: schoolMemberships.role, disabledAt: users.disabledAt })
      .from(schoolMemberships)
      .innerJoin(users, eq(users.id, schoolMemberships.userId))
      .where(eq(schoolMemberships.schoolId, schoolId))
      .orderBy(asc(users.email)),
    d
      .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(and(eq(invitations.schoolId, schoolId), isNull(invitations.acceptedAt), sql`${invitations.expiresAt} > now()`))
      .orderBy(asc(invitations.email)),
  ]);
  return { school, members, openInvitations };
}

function slugify(s: string) {
  return (
    s
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "school"
  );
}

/** Creates a school (active, edits reviewed) with a slug made from its name, unique. */
export async function createSchool(input: OpsSchoolInput, db?: Db): Promise<{ id: number; slug: string }> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    const base = slugify(input.name);
    const taken = await tx.select({ slug: schools.slug }).from(schools).where(sql`${schools.slug} = ${base} or ${schools.slug} like ${base + "-%"}`);
    const used = new Set(taken.map((t) => t.slug));
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    const [row] = await tx.insert(schools).values({ ...input, slug }).returning({ id: schools.id, slug: schools.slug });
    if (!row) throw new Error("school insert returned nothing");
    return row;
  });
}

/** Returns the fields that changed (names only), or null when there is no such school. */
export async function updateSchool(schoolId: number, input: OpsSchoolInput, db?: Db): Promise<string[] | null> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    const [before] = await tx.select().from(schools).where(eq(schools.id, schoolId)).for("update");
    if (!before) return null;
    const changed = (Object.keys(input) as (keyof OpsSchoolInput)[]).filter((k) => before[k] !== input[k]);
    if (changed.length > 0) await tx.update(schools).set({ ...input, updatedAt: new Date() }).where(eq(schools.id, schoolId));
    return changed;
  });
}

/**
 * Suspends or reactivates a school. A suspended school's ads leave the directory at once (the
 * directory lists only programs of active schools); its programs and leads are kept as they are.
 * Returns false when there is no such school or it already has that status.
 */
export async function setSchoolStatus(schoolId: number, status: School["status"], db?: Db): Promise<boolean> {
  const d = db ?? (await getDb());
  const updated = await d
    .update(schools)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(schools.id, schoolId), sql`${schools.status} <> ${status}`))
    .returning({ id: schools.id });
  return updated.length > 0;
}

/** The school's programs for its console page: status and sponsored placement. */
export async function listSchoolProgramsForOps(schoolId: number, db?: Db) {
  const d = db ?? (await getDb());
  return d
    .select({ id: programs.id, title: programs.title, status: programs.status, sponsoredRank: programs.sponsoredRank })
    .from(programs)
    .where(eq(programs.schoolId, schoolId))
    .orderBy(asc(programs.title), asc(programs.id));
}

/**
 * Sets a program's paid placement (lower is higher; null: not sponsored). The school is in the
 * WHERE clause, so a program id of another school changes nothing. Returns the title, or null.
 */
export async function setSponsoredRank(schoolId: number, programId: number, rank: number | null, db?: Db): Promise<{ title: string; before: number | null } | null> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    const [before] = await tx
      .select({ title: programs.title, rank: programs.sponsoredRank })
      .from(programs)
      .where(and(eq(programs.id, programId), eq(programs.schoolId, schoolId)))
      .for("update");
    if (!before) return null;
    await tx.update(programs).set({ sponsoredRank: rank, updatedAt: new Date() }).where(and(eq(programs.id, programId), eq(programs.schoolId, schoolId)));
    return { title: before.title, before: before.rank };
  });
}
