import { DirectoryPage, directoryMetadata } from "@/components/directory/directory-page";
import { filtersFromCacheKey } from "@/lib/directory-cache";

// Served as /schools (proxy.ts rewrites here), so it must stay indexable: its canonical is /schools,
// and robots.txt keeps crawlers off this route's own /directory/ address.
export const metadata = directoryMetadata;

/**
 * /schools for one normalized filter set, which the proxy rewrites here (lib/directory-cache.ts):
 * rendered on the first request and then served from Next's page cache, like a static page, until
 * its data's cache expires (a minute) or a listing changes (`updateTag("directory")`). Many students
 * share a filter set, so most directory views cost no rendering at all. Nothing is rendered at build
 * time (no database then).
 */
export const revalidate = 60;
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ filters: string }[]> {
  return [];
}

export default async function CachedDirectoryPage({ params }: { params: Promise<{ filters: string }> }) {
  return <DirectoryPage searchParams={filtersFromCacheKey((await params).filters)} />;
}
