import "server-only";
import { cache } from "react";
import { unstable_cache } from "next/cache";
import { asc, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  metroAreas,
  occupationIndustryStats,
  occupationMetroStats,
  occupationRelations,
  occupations,
  type Occupation,
} from "@/db/schema";

export type MetroSort = "employment" | "salary";

export type MetroStat = {
  metroId: number;
  name: string;
  cbsaCode: string | null;
  principalCities: string[];
  states: string[];
  employment: number;
  annualMedianSalary: number;
  sourceYear: number;
  source: string;
};

export type IndustryStat = {
  industry: string;
  jobs: number;
  sharePercent: number;
  annualMedianSalary: number;
  sourceYear: number;
  source: string;
};

export type OccupationLink = { id: number; slug: string; title: string; summary: string };

/** Cached per request: the page and its metadata ask for the same row. */
export const getOccupationBySlug = cache(async (slug: string): Promise<Occupation | null> => {
  const db = await getDb();
  const [row] = await db.select().from(occupations).where(eq(occupations.slug, slug)).limit(1);
  return row ?? null;
});

export async function listOccupations(): Promise<OccupationLink[]> {
  const db = await getDb();
  return db
    .select({ id: occupations.id, slug: occupations.slug, title: occupations.title, summary: occupations.summary })
    .from(occupations)
    .orderBy(asc(occupations.title));
}

/** The newest year's figures for each metro, largest first by the chosen measure (ties by name). */
export async function getMetroStats(occupationId: number, sort: MetroSort = "employment"): Promise<MetroStat[]> {
  const db = await getDb();
  const measure = sort === "salary" ? occupationMetroStats.annualMedianSalary : occupationMetroStats.employment;
  const rows = await db
    .select({
      metroId: metroAreas.id,
      name: metroAreas.name,
      cbsaCode: metroAreas.cbsaCode,
      principalCities: metroAreas.principalCities,
      states: metroAreas.states,
      employment: occupationMetroStats.employment,
      annualMedianSalary: occupationMetroStats.annualMedianSalary,
      sourceYear: occupationMetroStats.sourceYear,
      source: occupationMetroStats.source,
    })
    .from(occupationMetroStats)
    .innerJoin(metroAreas, eq(metroAreas.id, occupationMetroStats.metroId))
    .where(eq(occupationMetroStats.occupationId, occupationId))
    .orderBy(desc(occupationMetroStats.sourceYear), desc(measure), asc(metroAreas.name));
  const latest = rows[0]?.sourceYear;
  return rows.filter((r) => r.sourceYear === latest);
}

/** The newest year's industry rows, most jobs first. */
export async function getIndustryStats(occupationId: number): Promise<IndustryStat[]> {
  const db = await getDb();
  const rows = await db
    .select({
      industry: occupationIndustryStats.industry,
      jobs: occupationIndustryStats.jobs,
      sharePercent: occupationIndustryStats.sharePercent,
      annualMedianSalary: occupationIndustryStats.annualMedianSalary,
      sourceYear: occupationIndustryStats.sourceYear,
      source: occupationIndustryStats.source,
    })
    .from(occupationIndustryStats)
    .where(eq(occupationIndustryStats.occupationId, occupationId))
    .orderBy(desc(occupationIndustryStats.sourceYear), desc(occupationIndustryStats.jobs));
  const latest = rows[0]?.sourceYear;
  return rows.filter((r) => r.sourceYear === latest);
}

export async function getRelatedOccupations(occupationId: number): Promise<OccupationLink[]> {
  const db = await getDb();
  return db
    .select({ id: occupations.id, slug: occupations.slug, title: occupations.title, summary: occupations.summary })
    .from(occupationRelations)
    .innerJoin(occupations, eq(occupations.id, occupationRelations.relatedId))
    .where(eq(occupationRelations.occupationId, occupationId))
    .orderBy(asc(occupations.title));
}

/* ------------------------------------------------------------------ caching */

/**
 * Revalidate this tag (`updateTag(CAREERS_CACHE_TAG)`) when career data changes, to show it at once:
 * every cached career read carries it, and so every cached profile page built from one.
 */
export const CAREERS_CACHE_TAG = "careers";

/** An occupation row as a cache holds it (JSON: no dates; the profile shows none of the row's timestamps). */
export type CachedOccupation = Omit<Occupation, "createdAt" | "updatedAt">;

/** What a career profile shows, but the school programs beside it. */
export type CareerProfile = {
  occupation: CachedOccupation;
  /** The metro table in both orders: the charts show the top of each, the table one of them. */
  metrosByEmployment: MetroStat[];
  metrosBySalary: MetroStat[];
  industries: IndustryStat[];
  related: OccupationLink[];
};

async function readCareerProfile(slug: string): Promise<CareerProfile | null> {
  const row = await getOccupationBySlug(slug);
  if (!row) return null;
  const { createdAt, updatedAt, ...occupation } = row;
  void createdAt;
  void updatedAt;
  const [metrosByEmployment, metrosBySalary, industries, related] = await Promise.all([
    getMetroStats(occupation.id, "employment"),
    getMetroStats(occupation.id, "salary"),
    getIndustryStats(occupation.id),
    getRelatedOccupations(occupation.id),
  ]);
  return { occupation, metrosByEmployment, metrosBySalary, industries, related };
}

/** A career profile's data by slug (null: no such career); the page and its metadata share one read per request. */
export const getCareerProfile = cache(readCareerProfile);

/**
 * The same, for the page cache's route: cached for a minute and dropped at once by
 * CAREERS_CACHE_TAG, whose revalidation also drops the cached pages built from it.
 */
export const getCareerProfileCached = cache(
  unstable_cache(readCareerProfile, ["career-profile"], { revalidate: 60, tags: [CAREERS_CACHE_TAG] }),
);
