import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { campuses, programCampuses, programs, schoolLeadRecipients, schoolMemberships, schools, users } from "../schema";
import type { SchoolScope } from "@/lib/auth/scope";
import type { CampusInput, SchoolProfileInput } from "@/lib/validations/school";

/* Every function here takes the caller's SchoolScope and puts scope.schoolId in the WHERE clause. */

export async function getSchoolSummary(schoolId: number, db?: Db) {
  const d = db ?? (await getDb());
  const [row] = await d
    .select({ id: schools.id, name: schools.name, slug: schools.slug, status: schools.status })
    .from(schools)
    .where(eq(schools.id, schoolId))
    .limit(1);
  return row ?? null;
}

export async function getSchoolProfile(scope: SchoolScope, db?: Db) {
  const d = db ?? (await getDb());
  const [row] = await d.select().from(schools).where(eq(schools.id, scope.schoolId)).limit(1);
  return row ?? null;
}

export async function updateSchoolProfile(scope: SchoolScope, input: SchoolProfileInput & { logoUrl?: string | null }, db?: Db) {
  const d = db ?? (await getDb());
  const updated = await d
    .update(schools)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(schools.id, scope.schoolId))
    .returning({ id: schools.id });
  return updated.length > 0;
}

export async function listAllSchools(db?: Db) {
  const d = db ?? (await getDb());
  return d
    .select({ id: schools.id, name: schools.name, slug: schools.slug, publishWithoutReview: schools.publishWithoutReview })
    .from(schools)
    .orderBy(asc(schools.name));
}

/** Operator setting: edits to this school's active listings go live without review. */
export async function setPublishWithoutReview(schoolId: number, value: boolean, db?: Db) {
  const d = db ?? (await getDb());
  const updated = await d.update(schools).set({ publishWithoutReview: value }).where(eq(schools.id, schoolId)).returning({ id: schools.id });
  return updated.length > 0;
}

/* ------------------------------------------------------------- campuses */

export async function listCampuses(scope: SchoolScope, db?: Db) {
  const d = db ?? (await getDb());
  return d
    .select({
      id: campuses.id,
      name: campuses.name,
      address: campuses.address,
      city: campuses.city,
      state: campuses.state,
      zip: campuses.zip,
      programCount: sql<number>`(select count(*)::int from ${programCampuses} where ${programCampuses.campusId} = ${campuses.id})`,
    })
    .from(campuses)
    .where(eq(campuses.schoolId, scope.schoolId))
    .orderBy(asc(campuses.name), asc(campuses.id));
}

export async function getCampus(scope: SchoolScope, campusId: number, db?: Db) {
  const d = db ?? (await getDb());
  const [row] = await d
    .select()
    .from(campuses)
    .where(and(eq(campuses.id, campusId), eq(campuses.schoolId, scope.schoolId)))
    .limit(1);
  return row ?? null;
}

type Located = CampusInput & { latitude: number; longitude: number };

export async function createCampus(scope: SchoolScope, input: Located, db?: Db) {
  const d = db ?? (await getDb());
  const [row] = await d.insert(campuses).values({ ...input, schoolId: scope.schoolId }).returning({ id: campuses.id });
  if (!row) throw new Error("campus insert returned nothing");
  return row.id;
}

export async function updateCampus(scope: SchoolScope, campusId: number, input: Located, db?: Db) {
  const d = db ?? (await getDb());
  const updated = await d
    .update(campuses)
    .set(input)
    .where(and(eq(campuses.id, campusId), eq(campuses.schoolId, scope.schoolId)))
    .returning({ id: campuses.id });
  return updated.length > 0;
}

/** Removes a campus of this school unless a program is offered there. */
export type CampusRemoval = "deleted" | "in_use" | "in_pending_edit" | "has_recipients" | "not_found";

/**
 * Removes a campus no program is offered at, none of the school's edits waiting for review names
 * (approving it later would point at a missing campus), and no lead recipient is kept for (it would
 * go with the campus, silently).
 */
export async function deleteCampus(scope: SchoolScope, campusId: number, db?: Db): Promise<CampusRemoval> {
  const d = db ?? (await getDb());
  const inProgram = sql`exists (select 1 from ${programCampuses} where ${programCampuses.campusId} = ${campuses.id})`;
  const inPendingEdit = sql`exists (select 1 from ${programs} where ${programs.schoolId} = ${campuses.schoolId} and ${programs.pendingChanges} -> 'campusIds' @> to_jsonb(${campuses.id}))`;
  const hasRecipients = sql`exists (select 1 from ${schoolLeadRecipients} where ${schoolLeadRecipients.campusId} = ${campuses.id})`;
  const deleted = await d
    .delete(campuses)
    .where(and(eq(campuses.id, campusId), eq(campuses.schoolId, scope.schoolId), sql`not ${inProgram}`, sql`not ${inPendingEdit}`, sql`not ${hasRecipients}`))
    .returning({ id: campuses.id });
  if (deleted.length > 0) return "deleted";
  const [row] = await d
    .select({ inProgram: sql<boolean>`${inProgram}`, inPendingEdit: sql<boolean>`${inPendingEdit}`, hasRecipients: sql<boolean>`${hasRecipients}` })
    .from(campuses)
    .where(and(eq(campuses.id, campusId), eq(campuses.schoolId, scope.schoolId)));
  if (!row) return "not_found";
  if (row.inProgram) return "in_use";
  if (row.inPendingEdit) return "in_pending_edit";
  if (row.hasRecipients) return "has_recipients";
  return "in_use";
}

/* --------------------------------------------------------------- people */

export async function listSchoolPeople(scope: SchoolScope, db?: Db) {
  const d = db ?? (await getDb());
  return d
    .select({ userId: users.id, email: users.email, name: users.name, role: schoolMemberships.role, disabled: sql<boolean>`${users.disabledAt} is not null` })
    .from(schoolMemberships)
    .innerJoin(users, eq(users.id, schoolMemberships.userId))
    .where(eq(schoolMemberships.schoolId, scope.schoolId))
    .orderBy(asc(users.email));
}

/** Removes someone from this school; the last admin stays (a school always has one). */
export async function removeSchoolMember(scope: SchoolScope, userId: string, db?: Db): Promise<"removed" | "last_admin" | "not_found"> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    const [admins] = await tx
      .select({ n: count() })
      .from(schoolMemberships)
      .where(and(eq(schoolMemberships.schoolId, scope.schoolId), eq(schoolMemberships.role, "admin")));
    const [target] = await tx
      .select({ role: schoolMemberships.role })
      .from(schoolMemberships)
      .where(and(eq(schoolMemberships.schoolId, scope.schoolId), eq(schoolMemberships.userId, userId)));
    if (!target) return "not_found";
    if (target.role === "admin" && (admins?.n ?? 0) <= 1) return "last_admin";
    await tx.delete(schoolMemberships).where(and(eq(schoolMemberships.schoolId, scope.schoolId), eq(schoolMemberships.userId, userId)));
    return "removed";
  });
}

export async function countSchoolPrograms(scope: SchoolScope, db?: Db) {
  const d = db ?? (await getDb());
  return d
    .select({ status: programs.status, n: count() })
    .from(programs)
    .where(eq(programs.schoolId, scope.schoolId))
    .groupBy(programs.status);
}
