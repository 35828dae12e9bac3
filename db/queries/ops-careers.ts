import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../client";
import {
  auditEvents,
  metroAreas,
  occupationIndustryStats,
  occupationMetroStats,
  occupationRelations,
  occupations,
  type Occupation,
  type OccupationSections,
} from "../schema";
import type { CareerEdit, NewCareer } from "@/lib/validations/ops-careers";
import { slugifyTitle } from "@/lib/validations/ops-careers";
import type { ImportKind, ImportRow, IndustryImportRow, MetroImportRow, RowError } from "@/lib/validations/ops-bls-import";

/* Operators only: callers have checked the role. */

export type Actor = { userId: string; ipAddress?: string | null };

export type OpsCareerRow = Pick<Occupation, "id" | "slug" | "title" | "socCode2018" | "updatedAt"> & { metros: number; industries: number };

export async function listCareersForOps(db?: Db): Promise<OpsCareerRow[]> {
  const d = db ?? (await getDb());
  return d
    .select({
      id: occupations.id,
      slug: occupations.slug,
      title: occupations.title,
      socCode2018: occupations.socCode2018,
      updatedAt: occupations.updatedAt,
      metros: sql<number>`(select count(*)::int from ${occupationMetroStats} where ${occupationMetroStats.occupationId} = ${occupations.id})`,
      industries: sql<number>`(select count(*)::int from ${occupationIndustryStats} where ${occupationIndustryStats.occupationId} = ${occupations.id})`,
    })
    .from(occupations)
    .orderBy(asc(occupations.title), asc(occupations.id));
}

/** The profile, the careers it links to, and every other career it could link to. */
export async function getCareerForOps(slug: string, db?: Db) {
  const d = db ?? (await getDb());
  const [career] = await d.select().from(occupations).where(eq(occupations.slug, slug)).limit(1);
  if (!career) return null;
  const [related, others] = await Promise.all([
    d.select({ id: occupationRelations.relatedId }).from(occupationRelations).where(eq(occupationRelations.occupationId, career.id)),
    d.select({ id: occupations.id, title: occupations.title }).from(occupations).where(ne(occupations.id, career.id)).orderBy(asc(occupations.title)),
  ]);
  return { career, relatedIds: related.map((r) => r.id), others };
}

/** JSON with object keys sorted: jsonb does not keep the order keys were written in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

const EMPTY_SECTIONS: OccupationSections = {
  work: [],
  duties: [],
  specialties: [],
  workingConditions: [],
  outlook: [],
  training: [],
  certifications: [],
  employers: [],
};

export class CareerSlugTakenError extends Error {
  constructor() {
    super("Another career already has this address.");
  }
}

/** A new profile with its essentials; the text sections start empty (the profile hides empty sections). */
export async function createCareer(data: NewCareer, actor: Actor, db?: Db): Promise<{ id: number; slug: string }> {
  const d = db ?? (await getDb());
  const slug = data.slug || slugifyTitle(data.title);
  const year = new Date().getUTCFullYear();
  return d.transaction(async (tx) => {
    const [row] = await tx
      .insert(occupations)
      .values({
        slug,
        title: data.title,
        shortTitle: data.shortTitle,
        summary: data.summary,
        socCode2018: data.socCode2018,
        sections: EMPTY_SECTIONS,
        dataSource: "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics",
        dataYear: year,
        lastReviewedOn: new Date().toISOString().slice(0, 10),
      })
      .onConflictDoNothing({ target: occupations.slug })
      .returning({ id: occupations.id, slug: occupations.slug });
    if (!row) throw new CareerSlugTakenError();
    await tx.insert(auditEvents).values({
      action: "career.created",
      actorUserId: actor.userId,
      subjectType: "occupation",
      subjectId: String(row.id),
      metadata: { slug },
      ipAddress: actor.ipAddress ?? null,
    });
    return row;
  });
}

export class UnknownRelatedCareerError extends Error {
  constructor() {
    super("One of the related careers no longer exists.");
  }
}

/**
 * Saves the editor's form: the profile's fields, its sections and its related careers, with one
 * audit event naming what changed. Null when the career does not exist.
 */
export async function updateCareer(id: number, data: CareerEdit, actor: Actor, db?: Db): Promise<{ slug: string; changed: string[] } | null> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    const [before] = await tx.select().from(occupations).where(eq(occupations.id, id)).for("update");
    if (!before) return null;
    const related = data.related.filter((r) => r !== id);
    if (related.length > 0) {
      const found = await tx.select({ id: occupations.id }).from(occupations).where(inArray(occupations.id, related));
      if (found.length !== related.length) throw new UnknownRelatedCareerError();
    }
    const currentRelated = (
      await tx.select({ id: occupationRelations.relatedId }).from(occupationRelations).where(eq(occupationRelations.occupationId, id))
    ).map((r) => r.id);

    const changed: string[] = [];
    const scalar = ["title", "shortTitle", "summary", "socCode2010", "socCode2018", "dataSource", "dataYear", "sourceNote", "lastReviewedOn"] as const;
    for (const key of scalar) if (before[key] !== data[key]) changed.push(key);
    const sectionKeys = new Set([...Object.keys(before.sections), ...Object.keys(data.sections)]) as Set<keyof OccupationSections>;
    for (const key of sectionKeys) {
      if (stableJson(before.sections[key] ?? null) !== stableJson(data.sections[key] ?? null)) changed.push(`sections.${key}`);
    }
    const sameRelated = currentRelated.length === related.length && currentRelated.every((r) => related.includes(r));
    if (!sameRelated) changed.push("related");
    if (changed.length === 0) return { slug: before.slug, changed };

    await tx
      .update(occupations)
      .set({
        title: data.title,
        shortTitle: data.shortTitle,
        summary: data.summary,
        socCode2010: data.socCode2010,
        socCode2018: data.socCode2018,
        dataSource: data.dataSource,
        dataYear: data.dataYear,
        sourceNote: data.sourceNote,
        lastReviewedOn: data.lastReviewedOn,
        sections: data.sections,
        updatedAt: new Date(),
      })
      .where(eq(occupations.id, id));
    if (!sameRelated) {
      await tx.delete(occupationRelations).where(eq(occupationRelations.occupationId, id));
      if (related.length > 0) await tx.insert(occupationRelations).values(related.map((relatedId) => ({ occupationId: id, relatedId })));
    }
    await tx.insert(auditEvents).values({
      action: "career.updated",
      actorUserId: actor.userId,
      subjectType: "occupation",
      subjectId: String(id),
      metadata: { slug: before.slug, fields: changed },
      ipAddress: actor.ipAddress ?? null,
    });
    return { slug: before.slug, changed };
  });
}

/* ------------------------------------------------------------ BLS import */

/** One stored row of the table being imported, keyed as the upload keys it. */
type CurrentRow = {
  key: string;
  label: string;
  employment: number;
  sharePercent?: number;
  annualMedianSalary: number;
  source: string;
};

export type FieldChange = { field: string; label: string; from: string | number; to: string | number };
export type DiffRow = { key: string; label: string; line?: number; employment: number; annualMedianSalary: number; sharePercent?: number; changes: FieldChange[]; note?: string };
export type ImportDiff = {
  kind: ImportKind;
  year: number;
  added: DiffRow[];
  removed: DiffRow[];
  changed: DiffRow[];
  unchanged: number;
  /** The newest year stored before the import: the profile shows only the newest year. */
  latestYearBefore: number | null;
};

const FIELD_LABELS: Record<string, string> = {
  employment: "Employment",
  sharePercent: "Percent of the occupation's jobs",
  annualMedianSalary: "Annual median wage",
  source: "Source",
  industry: "Industry name",
};

async function currentRows(d: Db | Tx, occupationId: number, kind: ImportKind, year: number): Promise<CurrentRow[]> {
  if (kind === "metro") {
    const rows = await d
      .select({
        code: metroAreas.cbsaCode,
        id: metroAreas.id,
        name: metroAreas.name,
        employment: occupationMetroStats.employment,
        annualMedianSalary: occupationMetroStats.annualMedianSalary,
        source: occupationMetroStats.source,
      })
      .from(occupationMetroStats)
      .innerJoin(metroAreas, eq(metroAreas.id, occupationMetroStats.metroId))
      .where(and(eq(occupationMetroStats.occupationId, occupationId), eq(occupationMetroStats.sourceYear, year)));
    return rows
      .map((r) => ({ key: r.code ?? `id:${r.id}`, label: r.name, employment: r.employment, annualMedianSalary: r.annualMedianSalary, source: r.source }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }
  const rows = await d
    .select({
      industry: occupationIndustryStats.industry,
      jobs: occupationIndustryStats.jobs,
      sharePercent: occupationIndustryStats.sharePercent,
      annualMedianSalary: occupationIndustryStats.annualMedianSalary,
      source: occupationIndustryStats.source,
    })
    .from(occupationIndustryStats)
    .where(and(eq(occupationIndustryStats.occupationId, occupationId), eq(occupationIndustryStats.sourceYear, year)));
  return rows
    .map((r) => ({ key: r.industry.toLowerCase(), label: r.industry, employment: r.jobs, sharePercent: r.sharePercent, annualMedianSalary: r.annualMedianSalary, source: r.source }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** What the preview was computed against; the apply step refuses when it no longer holds. */
export function baselineOf(rows: CurrentRow[]): string {
  return createHash("sha256").update(JSON.stringify(rows)).digest("hex");
}

const rowKey = (kind: ImportKind, row: ImportRow) => (kind === "metro" ? (row as MetroImportRow).areaCode : (row as IndustryImportRow).industry.toLowerCase());
const rowLabel = (kind: ImportKind, row: ImportRow) => (kind === "metro" ? (row as MetroImportRow).areaTitle : (row as IndustryImportRow).industry);

/** Rows added, removed and changed (field by field, old and new), from the stored rows to the upload's. */
export function diffImport(kind: ImportKind, year: number, current: CurrentRow[], rows: ImportRow[], source: string, latestYearBefore: number | null): ImportDiff {
  const byKey = new Map(current.map((r) => [r.key, r]));
  const incoming = new Set<string>();
  const diff: ImportDiff = { kind, year, added: [], removed: [], changed: [], unchanged: 0, latestYearBefore };
  for (const row of rows) {
    const key = rowKey(kind, row);
    incoming.add(key);
    const share = kind === "industry" ? (row as IndustryImportRow).sharePercent : undefined;
    const base: DiffRow = { key, label: rowLabel(kind, row), line: row.line, employment: row.employment, annualMedianSalary: row.annualMedianSalary, sharePercent: share, changes: [] };
    const old = byKey.get(key);
    if (!old) {
      diff.added.push(base);
      continue;
    }
    if (kind === "metro" && old.label !== base.label) base.note = `Stored as “${old.label}”; the stored name is kept.`;
    const pairs: [string, string | number, string | number][] = [
      ["employment", old.employment, row.employment],
      ["annualMedianSalary", old.annualMedianSalary, row.annualMedianSalary],
      ["source", old.source, source],
    ];
    if (kind === "industry") {
      pairs.splice(1, 0, ["sharePercent", old.sharePercent ?? 0, share ?? 0]);
      pairs.push(["industry", old.label, base.label]);
    }
    base.changes = pairs.filter(([, from, to]) => from !== to).map(([field, from, to]) => ({ field, label: FIELD_LABELS[field] ?? field, from, to }));
    if (base.changes.length > 0) diff.changed.push(base);
    else diff.unchanged++;
  }
  for (const old of current) {
    if (!incoming.has(old.key)) {
      diff.removed.push({ key: old.key, label: old.label, employment: old.employment, annualMedianSalary: old.annualMedianSalary, sharePercent: old.sharePercent, changes: [] });
    }
  }
  const byEmployment = (a: DiffRow, b: DiffRow) => b.employment - a.employment || a.label.localeCompare(b.label);
  diff.added.sort(byEmployment);
  diff.removed.sort(byEmployment);
  diff.changed.sort(byEmployment);
  return diff;
}

async function latestYear(d: Db | Tx, occupationId: number, kind: ImportKind): Promise<number | null> {
  const table = kind === "metro" ? occupationMetroStats : occupationIndustryStats;
  const [row] = await d.select({ year: sql<number | null>`max(${table.sourceYear})` }).from(table).where(eq(table.occupationId, occupationId));
  return row?.year ?? null;
}

/** New metro areas whose name another area code already holds (names are unique): row errors. */
async function metroNameConflicts(d: Db | Tx, rows: MetroImportRow[]): Promise<RowError[]> {
  if (rows.length === 0) return [];
  const stored = await d
    .select({ code: metroAreas.cbsaCode, name: metroAreas.name })
    .from(metroAreas)
    .where(
      or(
        inArray(
          metroAreas.cbsaCode,
          rows.map((r) => r.areaCode),
        ),
        inArray(
          metroAreas.name,
          rows.map((r) => r.areaTitle),
        ),
      ),
    );
  const codes = new Set(stored.map((s) => s.code));
  const errors: RowError[] = [];
  for (const row of rows) {
    if (codes.has(row.areaCode)) continue;
    const other = stored.find((s) => s.name === row.areaTitle && s.code !== row.areaCode);
    if (other) errors.push({ line: row.line, column: "AREA_TITLE", message: `“${row.areaTitle}” is stored with area code ${other.code ?? "none"}, not ${row.areaCode}.` });
  }
  return errors;
}

export type ImportPreview = { diff: ImportDiff; baseline: string } | { errors: RowError[] };

/** The preview: what applying `rows` would change, and the baseline the apply step checks. */
export async function previewBlsImport(occupationId: number, kind: ImportKind, year: number, source: string, rows: ImportRow[], db?: Db): Promise<ImportPreview> {
  const d = db ?? (await getDb());
  if (kind === "metro") {
    const errors = await metroNameConflicts(d, rows as MetroImportRow[]);
    if (errors.length > 0) return { errors };
  }
  const current = await currentRows(d, occupationId, kind, year);
  return { diff: diffImport(kind, year, current, rows, source, await latestYear(d, occupationId, kind)), baseline: baselineOf(current) };
}

export class StaleImportError extends Error {
  constructor() {
    super("These figures changed after your preview (another import or edit). Preview the file again before applying it.");
  }
}

export class ImportRowsError extends Error {
  constructor(readonly errors: RowError[]) {
    super("Some rows cannot be applied.");
  }
}

/**
 * Applies an upload in one transaction: everything or nothing. The occupation row is locked so two
 * imports cannot interleave, and the stored rows must still be those the preview was made from
 * (`baseline`), else StaleImportError and nothing changes. One audit event records the counts.
 */
export async function applyBlsImport(
  input: { occupationId: number; kind: ImportKind; year: number; source: string; rows: ImportRow[]; baseline: string },
  actor: Actor,
  db?: Db,
): Promise<ImportDiff> {
  const d = db ?? (await getDb());
  const { occupationId, kind, year, source, rows } = input;
  return d.transaction(async (tx) => {
    const [career] = await tx.select({ id: occupations.id, slug: occupations.slug }).from(occupations).where(eq(occupations.id, occupationId)).for("update");
    if (!career) throw new StaleImportError();
    const current = await currentRows(tx, occupationId, kind, year);
    if (baselineOf(current) !== input.baseline) throw new StaleImportError();
    if (kind === "metro") {
      const errors = await metroNameConflicts(tx, rows as MetroImportRow[]);
      if (errors.length > 0) throw new ImportRowsError(errors);
    }
    const diff = diffImport(kind, year, current, rows, source, await latestYear(tx, occupationId, kind));
    const byKey = new Map(rows.map((r) => [rowKey(kind, r), r]));

    if (kind === "metro") {
      const removedCodes = diff.removed.map((r) => r.key);
      if (removedCodes.length > 0) {
        const ids = await tx.select({ id: metroAreas.id }).from(metroAreas).where(inArray(metroAreas.cbsaCode, removedCodes));
        await tx
          .delete(occupationMetroStats)
          .where(
            and(
              eq(occupationMetroStats.occupationId, occupationId),
              eq(occupationMetroStats.sourceYear, year),
              inArray(
                occupationMetroStats.metroId,
                ids.map((i) => i.id),
              ),
            ),
          );
      }
      for (const change of [...diff.added, ...diff.changed]) {
        const row = byKey.get(change.key) as MetroImportRow;
        await tx
          .insert(metroAreas)
          .values({ cbsaCode: row.areaCode, name: row.areaTitle, principalCities: row.principalCities, states: row.states })
          .onConflictDoNothing({ target: metroAreas.cbsaCode });
        const [area] = await tx.select({ id: metroAreas.id }).from(metroAreas).where(eq(metroAreas.cbsaCode, row.areaCode));
        await tx
          .insert(occupationMetroStats)
          .values({ occupationId, metroId: area!.id, sourceYear: year, employment: row.employment, annualMedianSalary: row.annualMedianSalary, source })
          .onConflictDoUpdate({
            target: [occupationMetroStats.occupationId, occupationMetroStats.metroId, occupationMetroStats.sourceYear],
            set: { employment: row.employment, annualMedianSalary: row.annualMedianSalary, source },
          });
      }
    } else {
      const removed = diff.removed.map((r) => r.key);
      if (removed.length > 0) {
        await tx
          .delete(occupationIndustryStats)
          .where(
            and(
              eq(occupationIndustryStats.occupationId, occupationId),
              eq(occupationIndustryStats.sourceYear, year),
              inArray(sql`lower(${occupationIndustryStats.industry})`, removed),
            ),
          );
      }
      for (const change of diff.changed) {
        const row = byKey.get(change.key) as IndustryImportRow;
        await tx
          .update(occupationIndustryStats)
          .set({ industry: row.industry, jobs: row.employment, sharePercent: row.sharePercent, annualMedianSalary: row.annualMedianSalary, source })
          .where(
            and(
              eq(occupationIndustryStats.occupationId, occupationId),
              eq(occupationIndustryStats.sourceYear, year),
              sql`lower(${occupationIndustryStats.industry}) = ${change.key}`,
            ),
          );
      }
      for (const change of diff.added) {
        const row = byKey.get(change.key) as IndustryImportRow;
        await tx.insert(occupationIndustryStats).values({
          occupationId,
          industry: row.industry,
          sourceYear: year,
          jobs: row.employment,
          sharePercent: row.sharePercent,
          annualMedianSalary: row.annualMedianSalary,
          source,
        });
      }
    }
    await tx.update(occupations).set({ updatedAt: new Date() }).where(eq(occupations.id, occupationId));
    await tx.insert(auditEvents).values({
      action: "career.bls_imported",
      actorUserId: actor.userId,
      subjectType: "occupation",
      subjectId: String(occupationId),
      metadata: { slug: career.slug, kind, year, added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length, unchanged: diff.unchanged },
      ipAddress: actor.ipAddress ?? null,
    });
    return diff;
  });
}

/** The occupation the import page works on. */
export async function getCareerForImport(slug: string, db?: Db) {
  const d = db ?? (await getDb());
  const [row] = await d
    .select({ id: occupations.id, slug: occupations.slug, title: occupations.title, socCode2010: occupations.socCode2010, socCode2018: occupations.socCode2018, dataYear: occupations.dataYear })
    .from(occupations)
    .where(eq(occupations.slug, slug))
    .limit(1);
  return row ?? null;
}
