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
 * A career profile, rendered per request. Most visits never get here: a view that can be cached (no
 * free-text search, no field error) is rewritten to app/career-pages/[slug]/[view] instead, by
 * next.config.mjs for a plain profile and by the proxy for one with a query string.
 */
export default async function CareerProfileRoute({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  return <CareerProfilePage slug={slug} searchParams={query} source="database" />;
}
