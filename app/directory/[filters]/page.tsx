import { redirect } from "next/navigation";
import { DirectoryPage, directoryMetadata } from "@/components/directory/directory-page";
import { programAreaExists } from "@/db/queries/programs";
import { directoryRedirect, filtersFromCacheKey } from "@/lib/directory-cache";

// A filter set's own address (the directory's links and instant filters come here straight, and
// proxy.ts rewrites /schools?… here). Every variant names /schools as its canonical.
export const metadata = directoryMetadata;

/**
 * The directory for one normalized filter set: rendered on the first request and then served from
 * Next's page cache, like a static page, until its data's cache expires (a minute) or a listing
 * changes (`updateTag("directory")`). Many students share a filter set, so most directory views cost
 * no rendering at all. Nothing is rendered at build time (no database then). A segment that is not a
 * canonical key (another order, a default, an unknown parameter or program area) is redirected to
 * the one that is (lib/directory-cache.ts), so each filter set is rendered and cached once.
 */
export const revalidate = 60;
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ filters: string }[]> {
  return [];
}

export default async function CachedDirectoryPage({ params }: { params: Promise<{ filters: string }> }) {
  const { filters } = await params;
  // A temporary redirect: the canonical spelling is the code's, and may change.
  const canonical = directoryRedirect(filters, await programAreaExists());
  if (canonical !== null) redirect(canonical);
  return <DirectoryPage searchParams={filtersFromCacheKey(filters)} />;
}
