import type { Metadata } from "next";
import { PageLink } from "@/components/page-link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ProgramAdCard } from "@/components/directory/program-ad";
import { getActiveSchoolBySlug } from "@/db/queries/schools";

const loadSchool = cache((slug: string) => getActiveSchoolBySlug(slug));

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const school = await loadSchool((await params).slug);
  if (!school) return { title: "School not found" };
  return { title: school.name, description: school.description || `Programs offered by ${school.name}.`, alternates: { canonical: `/schools/${school.slug}` } };
}

export default async function SchoolPage({ params }: Props) {
  const school = await loadSchool((await params).slug);
  if (!school) notFound();
  return (
    <div className="container-page max-w-4xl py-8">
      <p className="text-sm">
        <PageLink href="/schools">School programs</PageLink>
      </p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight">{school.name}</h1>
      {school.description ? <p className="mt-3 max-w-3xl text-muted">{school.description}</p> : null}
      <p className="mt-3 text-sm">
        <span className="font-semibold">Accreditation: </span>
        {school.accreditation ?? "none listed"}
        {school.accreditationType ? ` (${school.accreditationType})` : null}
      </p>

      <section aria-labelledby="campuses" className="mt-8">
        <h2 id="campuses" className="text-xl font-semibold">
          Campuses
        </h2>
        {school.campuses.length > 0 ? (
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {school.campuses.map((c) => (
              <li key={c.id} className="rounded-lg border border-slate-200 p-3">
                <p className="font-semibold">{c.name}</p>
                <address className="not-italic text-sm">
                  {c.address}
                  <br />
                  {c.city}, {c.state} {c.zip}
                </address>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3">This school teaches online only.</p>
        )}
      </section>

      <section aria-labelledby="programs" className="mt-8">
        <h2 id="programs" className="text-xl font-semibold">
          Programs ({school.programs.length})
        </h2>
        {school.programs.length > 0 ? (
          <ul className="mt-3 space-y-4">
            {school.programs.map((ad) => (
              <li key={ad.id}>
                <ProgramAdCard ad={ad} from={`/schools/${school.slug}`} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3">This school has no programs listed at the moment.</p>
        )}
      </section>
    </div>
  );
}
