import type { Metadata } from "next";
import { CareerProfilePage, careerProfileMetadata } from "@/components/career/career-profile";
import type { RawSearchParams } from "@/lib/validations/directory";

// Content comes from the database at request time, never at build time.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<RawSearchParams>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return careerProfileMetadata((await params).slug, "database");
}

/**
 * A career profile, rendered per request. Most visits never get here: the proxy sends a view it can
 * cache (no free-text search, no field error) to app/career-pages/[slug]/[view] instead.
 */
export default async function CareerProfileRoute({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  return <CareerProfilePage slug={slug} searchParams={query} source="database" />;
}
