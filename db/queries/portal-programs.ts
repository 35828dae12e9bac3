import "server-only";
import { and, asc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../client";
import { campuses, occupations, programAreas, programCampuses, programOccupations, programs, schools, type Program, type ProgramStatus } from "../schema";
import { AREA_OCCUPATIONS } from "../seed/schools";
import { refreshCapState } from "./lead-caps";
import type { ProgramAd } from "./programs";
import type { SchoolScope } from "@/lib/auth/scope";
import { PROGRAM_LISTING_FIELDS, type ProgramInput } from "@/lib/validations/program";

/* Scoped to the caller's school: scope.schoolId is in every WHERE clause. */

export type PendingChanges = Partial<Pick<ProgramInput, (typeof PROGRAM_LISTING_FIELDS)[number] | "campusIds">>;

export async function listProgramAreas(db?: Db) {
  const d = db ?? (await getDb());
  return d.select({ id: programAreas.id, name: programAreas.name }).from(programAreas).orderBy(asc(programAreas.name));
}

export async function listSchoolPrograms(scope: SchoolScope, db?: Db) {
  const d = db ?? (await getDb());
  return d
    .select({
      id: programs.id,
      slug: programs.slug,
      title: programs.title,
      status: programs.status,
      hasPendingChanges: sql<boolean>`${programs.pendingChanges} is not null`,
      dailyLeadCap: programs.dailyLeadCap,
      monthlyLeadCap: programs.monthlyLeadCap,
      reviewNote: programs.reviewNote,
    })
    .from(programs)
    .where(eq(programs.schoolId, scope.schoolId))
    .orderBy(asc(programs.title), asc(programs.id));
}

export async function getSchoolProgram(scope: SchoolScope, programId: number, db?: Db | Tx) {
  const d = db ?? (await getDb());
  const [row] = await d
    .select()
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.schoolId, scope.schoolId)))
    .limit(1);
  if (!row) return null;
  const links = await d.select({ campusId: programCampuses.campusId }).from(programCampuses).where(eq(programCampuses.programId, row.id));
  return { ...row, campusIds: links.map((l) => l.campusId), pending: row.pendingChanges as PendingChanges | null };
}

/** True when every id is a campus of this school. */
async function campusesBelong(tx: Db | Tx, scope: SchoolScope, ids: number[]) {
  if (ids.length === 0) return true;
  const rows = await tx
    .select({ id: campuses.id })
    .from(campuses)
    .where(and(eq(campuses.schoolId, scope.schoolId), inArray(campuses.id, ids)));
  return rows.length === new Set(ids).size;
}

async function setCampuses(tx: Db | Tx, programId: number, ids: number[]) {
  await tx.delete(programCampuses).where(eq(programCampuses.programId, programId));
  const unique = [...new Set(ids)];
  if (unique.length > 0) await tx.insert(programCampuses).values(unique.map((campusId) => ({ programId, campusId })));
}

/** Links a program to the careers its area prepares for, so it is listed beside those careers. */
async function linkOccupations(tx: Db | Tx, programId: number, programAreaId: number) {
  const [area] = await tx.select({ slug: programAreas.slug }).from(programAreas).where(eq(programAreas.id, programAreaId));
  const slugs = area ? (AREA_OCCUPATIONS as Record<string, string[]>)[area.slug] ?? [] : [];
  await tx.delete(programOccupations).where(eq(programOccupations.programId, programId));
  if (slugs.length === 0) return;
  const rows = await tx.select({ id: occupations.id }).from(occupations).where(inArray(occupations.slug, slugs));
  if (rows.length > 0) await tx.insert(programOccupations).values(rows.map((o) => ({ programId, occupationId: o.id }))).onConflictDoNothing();
}

function slugify(s: string) {
  return s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

export type ProgramWriteResult = { ok: true; id: number; live: boolean } | { ok: false; reason: "not_found" | "bad_campus" };

export async function createProgram(scope: SchoolScope, input: ProgramInput, db?: Db): Promise<ProgramWriteResult> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    if (!(await campusesBelong(tx, scope, input.campusIds))) return { ok: false, reason: "bad_campus" };
    const [school] = await tx.select({ name: schools.name }).from(schools).where(eq(schools.id, scope.schoolId));
    if (!school) return { ok: false, reason: "not_found" };
    const base = slugify(`${school.name} ${input.title}`);
    const taken = await tx.select({ slug: programs.slug }).from(programs).where(sql`${programs.slug} like ${base + "%"}`);
    const used = new Set(taken.map((t) => t.slug));
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    const { campusIds, ...fields } = input;
    const [row] = await tx
      .insert(programs)
      .values({ ...fields, schoolId: scope.schoolId, slug, status: "draft" })
      .returning({ id: programs.id });
    if (!row) throw new Error("program insert returned nothing");
    await setCampuses(tx, row.id, campusIds);
    await linkOccupations(tx, row.id, fields.programAreaId);
    return { ok: true, id: row.id, live: false };
  });
}

/**
 * Saves an edit. Drafts and listings in review change at once. An edit to a listing students can
 * see (active or paused) waits for review in `pendingChanges`, unless the operator lets this school
 * publish without review. Lead caps always apply at once: they are not what students read.
 */
export async function updateProgram(scope: SchoolScope, programId: number, input: ProgramInput, db?: Db): Promise<ProgramWriteResult> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: programs.status, publishWithoutReview: schools.publishWithoutReview })
      .from(programs)
      .innerJoin(schools, eq(schools.id, programs.schoolId))
      .where(and(eq(programs.id, programId), eq(programs.schoolId, scope.schoolId)))
      .for("update", { of: programs });
    if (!current) return { ok: false, reason: "not_found" };
    if (!(await campusesBelong(tx, scope, input.campusIds))) return { ok: false, reason: "bad_campus" };
    const { campusIds, dailyLeadCap, monthlyLeadCap, ...listing } = input;
    const visible = current.status === "active" || current.status === "paused";
    const where = and(eq(programs.id, programId), eq(programs.schoolId, scope.schoolId));
    if (visible && !current.publishWithoutReview) {
      const pending: PendingChanges = { ...listing, campusIds };
      await tx.update(programs).set({ pendingChanges: pending, dailyLeadCap, monthlyLeadCap, updatedAt: new Date() }).where(where);
      await refreshCapState(tx, programId);
      return { ok: true, id: programId, live: false };
    }
    await tx
      .update(programs)
      .set({ ...listing, dailyLeadCap, monthlyLeadCap, pendingChanges: null, updatedAt: new Date() })
      .where(where);
    await setCampuses(tx, programId, campusIds);
    await linkOccupations(tx, programId, listing.programAreaId);
    // A raised or lowered cap takes effect at once (the portal's actions expire the directory cache).
    await refreshCapState(tx, programId);
    return { ok: true, id: programId, live: visible };
  });
}

const TRANSITIONS = {
  submit: { from: ["draft"], to: "in_review" },
  pause: { from: ["active"], to: "paused" },
  resume: { from: ["paused"], to: "active" },
} as const satisfies Record<string, { from: ProgramStatus[]; to: ProgramStatus }>;
export type ProgramTransition = keyof typeof TRANSITIONS;

/** Moves a program of this school along draft → in review, active ⇄ paused. False when not allowed. */
export async function transitionProgram(scope: SchoolScope, programId: number, transition: ProgramTransition, db?: Db) {
  const d = db ?? (await getDb());
  const rule = TRANSITIONS[transition];
  const updated = await d
    .update(programs)
    .set({ status: rule.to, updatedAt: new Date() })
    .where(and(eq(programs.id, programId), eq(programs.schoolId, scope.schoolId), inArray(programs.status, [...rule.from])))
    .returning({ id: programs.id });
  return updated.length > 0;
}

/** The ad as students would see it, with any edit waiting for review applied. */
export async function getProgramPreview(scope: SchoolScope, programId: number, db?: Db): Promise<ProgramAd | null> {
  const d = db ?? (await getDb());
  const program = await getSchoolProgram(scope, programId, d);
  if (!program) return null;
  const merged = { ...program, ...(program.pending ?? {}) };
  const campusIds = program.pending?.campusIds ?? program.campusIds;
  const [school] = await d.select().from(schools).where(eq(schools.id, scope.schoolId));
  const [area] = await d.select({ name: programAreas.name }).from(programAreas).where(eq(programAreas.id, merged.programAreaId));
  const cities =
    campusIds.length === 0
      ? []
      : await d
          .selectDistinct({ city: campuses.city, state: campuses.state })
          .from(campuses)
          .where(and(eq(campuses.schoolId, scope.schoolId), inArray(campuses.id, campusIds)))
          .orderBy(campuses.city);
  return {
    id: program.id,
    slug: program.slug,
    title: merged.title,
    schoolName: school?.name ?? "",
    schoolSlug: school?.slug ?? "",
    highlights: merged.highlights,
    credentialLevel: merged.credentialLevel,
    delivery: merged.delivery,
    lengthMonths: merged.lengthMonths,
    areaName: area?.name ?? "",
    sponsored: program.sponsoredRank !== null,
    accreditation: school?.accreditation ?? null,
    campusCities: merged.delivery === "online" ? [] : cities.map((c) => `${c.city}, ${c.state}`),
    capped: program.leadCapReachedUntil !== null && program.leadCapReachedUntil > new Date(),
  };
}

/* ------------------------------------------------------ operator review */

export async function listReviewQueue(db?: Db) {
  const d = db ?? (await getDb());
  return d
    .select({
      id: programs.id,
      title: programs.title,
      slug: programs.slug,
      status: programs.status,
      schoolName: schools.name,
      hasPendingChanges: sql<boolean>`${programs.pendingChanges} is not null`,
      updatedAt: programs.updatedAt,
    })
    .from(programs)
    .innerJoin(schools, eq(schools.id, programs.schoolId))
    .where(or(eq(programs.status, "in_review"), isNotNull(programs.pendingChanges)))
    .orderBy(asc(programs.updatedAt));
}

/** Publishes a program in review, or applies an edit waiting for review. */
export async function approveProgram(programId: number, db?: Db): Promise<Program | null> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    const [program] = await tx.select().from(programs).where(eq(programs.id, programId)).for("update");
    if (!program) return null;
    const pending = program.pendingChanges as PendingChanges | null;
    if (program.status !== "in_review" && !pending) return null;
    const { campusIds, ...fields } = pending ?? {};
    const [updated] = await tx
      .update(programs)
      .set({
        ...fields,
        pendingChanges: null,
        reviewNote: null,
        status: program.status === "in_review" ? "active" : program.status,
        publishedAt: program.publishedAt ?? new Date(),
        updatedAt: new Date(),
      })
      .where(eq(programs.id, programId))
      .returning();
    if (campusIds) await setCampuses(tx, programId, campusIds);
    if (updated && fields.programAreaId !== undefined) await linkOccupations(tx, programId, updated.programAreaId);
    return updated ?? null;
  });
}

/** Sends a program back: a new listing returns to draft; a pending edit is dropped. The note says why. */
export async function rejectProgram(programId: number, note: string, db?: Db) {
  const d = db ?? (await getDb());
  const updated = await d
    .update(programs)
    .set({
      status: sql`case when ${programs.status} = 'in_review' then 'draft'::program_status else ${programs.status} end`,
      pendingChanges: null,
      reviewNote: note,
      updatedAt: new Date(),
    })
    .where(and(eq(programs.id, programId), or(eq(programs.status, "in_review"), isNotNull(programs.pendingChanges))))
    .returning({ id: programs.id, schoolId: programs.schoolId });
  return updated[0] ?? null;
}
