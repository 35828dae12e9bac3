import type { Metadata } from "next";
import { CareerProfilePage, careerProfileMetadata } from "@/components/career/career-profile";
import { redirect } from "next/navigation";
import { programAreaExists } from "@/db/queries/programs";
import { careerViewRedirect, filtersFromCacheKey } from "@/lib/directory-cache";

type Props = { params: Promise<{ slug: string; view: string }> };

/**
 * /careers/<slug> for one normalized view (metro table order, and the filters of the programs
 * beside it), rewritten here by next.config.mjs (a plain profile) or by the proxy
 * (lib/directory-cache.ts, for one with a query string): rendered on the first request and then
 * served from Next's page cache until its data's cache expires (a minute), career data
 * changes (`updateTag("careers")`, app/ops/careers/actions.ts) or a listing does
 * (`updateTag("directory")`). An unknown slug is a cached 404, dropped by the same tag when a
 * career is created. Nothing is rendered at build time (no database then). A view that is not a
 * canonical key is redirected to /careers/<slug> with the canonical query (lib/directory-cache.ts).
 *
 * Served as /careers/<slug>, so it stays indexable: its canonical is /careers/<slug>, and robots.txt
 * keeps crawlers off this route's own /career-pages/ address.
 */
export const revalidate = 60;
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ slug: string; view: string }[]> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return careerProfileMetadata((await params).slug, "cache");
}

export default async function CachedCareerProfileRoute({ params }: Props) {
  const { slug, view } = await params;
  const canonical = careerViewRedirect(slug, view, await programAreaExists());
  if (canonical !== null) redirect(canonical);
  return <CareerProfilePage slug={slug} searchParams={filtersFromCacheKey(view)} source="cache" />;
}
