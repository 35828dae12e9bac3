import { DirectoryPage, directoryMetadata } from "@/components/directory/directory-page";
import type { RawSearchParams } from "@/lib/validations/directory";

export const metadata = directoryMetadata;

/**
 * The directory, rendered per request. Most visits never get here: the directory's links go to a
 * cacheable filter set's own address (app/directory/[filters]), and the proxy sends /schools?… for
 * one (no free-text search, no field error) to that route too.
 */
export default async function SchoolsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return <DirectoryPage searchParams={await searchParams} />;
}
