import { DirectoryPage, directoryMetadata } from "@/components/directory/directory-page";
import type { RawSearchParams } from "@/lib/validations/directory";

export const metadata = directoryMetadata;

/**
 * The directory, rendered per request. Most visits never get here: the proxy sends a filter set it
 * can cache (no free-text search, no field error) to app/directory/[filters] instead.
 */
export default async function SchoolsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return <DirectoryPage searchParams={await searchParams} />;
}
