import type { MetadataRoute } from "next";
import { listSitemapPages } from "@/db/queries/sitemap";
import { listActiveSchoolSlugs } from "@/db/queries/schools";
import { listStateCounts } from "@/db/queries/states";
import { isStateCode, stateSlug } from "@/lib/validations/directory";
import { siteOrigin } from "@/lib/env";

// Reads the database: rendered per request, never at build time.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = siteOrigin();
  const [{ careers, programs }, schools, states] = await Promise.all([listSitemapPages(), listActiveSchoolSlugs(), listStateCounts()]);
  return [
    { url: `${site}/`, changeFrequency: "weekly", priority: 1 },
    { url: `${site}/careers`, changeFrequency: "weekly", priority: 0.8 },
    { url: `${site}/schools`, changeFrequency: "daily", priority: 0.8 },
    { url: `${site}/states`, changeFrequency: "weekly", priority: 0.6 },
    { url: `${site}/advertising-disclosure`, changeFrequency: "yearly", priority: 0.2 },
    ...careers.map((c) => ({ url: `${site}/careers/${c.slug}`, lastModified: c.updatedAt, changeFrequency: "monthly" as const, priority: 0.9 })),
    ...programs.map((p) => ({ url: `${site}/programs/${p.slug}`, lastModified: p.updatedAt, changeFrequency: "weekly" as const, priority: 0.6 })),
    ...schools.map((s) => ({ url: `${site}/schools/${s.slug}`, lastModified: s.updatedAt, changeFrequency: "weekly" as const, priority: 0.5 })),
    ...states
      .map((s) => s.state)
      .filter(isStateCode)
      .map((code) => ({ url: `${site}/states/${stateSlug(code)}`, changeFrequency: "weekly" as const, priority: 0.5 })),
  ];
}
