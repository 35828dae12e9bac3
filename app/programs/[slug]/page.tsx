import type { Metadata } from "next";
import { PageLink } from "@/components/page-link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getListedProgramBySlug, type ProgramPage } from "@/db/queries/programs";
import { CREDENTIAL_LABELS, DELIVERY_LABELS, formatDollars, formatMonths } from "@/lib/format";
import { siteOrigin } from "@/lib/env";

const loadProgram = cache((slug: string) => getListedProgramBySlug(slug));

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const program = await loadProgram((await params).slug);
  if (!program) return { title: "Program not found" };
  return {
    title: `${program.title} at ${program.school.name}`,
    description: `${CREDENTIAL_LABELS[program.credentialLevel]}, ${formatMonths(program.lengthMonths)}, ${DELIVERY_LABELS[program.delivery].toLowerCase()}. ${program.areaName}.`,
    alternates: { canonical: `/programs/${program.slug}` },
  };
}

const MODE: Record<ProgramPage["delivery"], string> = { online: "online", campus: "onsite", hybrid: "blended" };

function ProgramJsonLd({ program }: { program: ProgramPage }) {
  const data = {
    "@context": "https://schema.org",
    "@type": "EducationalOccupationalProgram",
    name: program.title,
    url: `${siteOrigin()}/programs/${program.slug}`,
    educationalProgramMode: MODE[program.delivery],
    timeToComplete: `P${program.lengthMonths}M`,
    educationalCredentialAwarded: CREDENTIAL_LABELS[program.credentialLevel],
    programType: program.areaName,
    occupationalCategory: program.careers.filter((c) => c.socCode).map((c) => c.socCode),
    provider: {
      "@type": "CollegeOrUniversity",
      name: program.school.name,
      url: program.school.website,
      ...(program.campuses.length > 0
        ? {
            address: program.campuses.map((c) => ({
              "@type": "PostalAddress",
              streetAddress: c.address,
              addressLocality: c.city,
              addressRegion: c.state,
              postalCode: c.zip,
              addressCountry: "US",
            })),
          }
        : {}),
    },
  };
  // `<` escaped so the JSON cannot close the script element.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }} />;
}

export default async function ProgramDetailPage({ params }: Props) {
  const program = await loadProgram((await params).slug);
  if (!program) notFound();
  const fromPath = `/programs/${program.slug}`;
  const payFor = (campusId: number, occupationId: number) => program.metroPay.find((p) => p.campusId === campusId && p.occupationId === occupationId);

  return (
    <article className="container-page max-w-4xl py-8" aria-labelledby="program-title">
      <ProgramJsonLd program={program} />
      <p className="text-sm">
        <PageLink href="/schools">School programs</PageLink> / <PageLink href={`/schools/${program.school.slug}`}>{program.school.name}</PageLink>
      </p>
      <div className="mt-3 flex flex-wrap items-start gap-3">
        <h1 id="program-title" className="text-3xl font-bold tracking-tight">
          {program.title}
        </h1>
        {program.sponsored ? (
          <span className="mt-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-900">Sponsored</span>
        ) : null}
      </div>
      <p className="mt-2 text-lg">
        <PageLink href={`/schools/${program.school.slug}`}>{program.school.name}</PageLink>
      </p>
      {program.sponsored ? (
        <p className="mt-1 text-sm text-muted">
          This school pays for placement. <PageLink href="/advertising-disclosure">How listings are ordered</PageLink>.
        </p>
      ) : null}

      <dl className="mt-6 grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-sm font-semibold text-muted">Credential</dt>
          <dd>{CREDENTIAL_LABELS[program.credentialLevel]}</dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-muted">Length</dt>
          <dd>{formatMonths(program.lengthMonths)}</dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-muted">How it is taught</dt>
          <dd>{DELIVERY_LABELS[program.delivery]}</dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-muted">Program area</dt>
          <dd>
            {program.areaName} (CIP {program.cipCode})
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-sm font-semibold text-muted">Accreditation</dt>
          <dd>{program.school.accreditation ?? "This school lists no institutional accreditation."}</dd>
        </div>
      </dl>

      <div className="mt-6 flex flex-wrap gap-3">
        {program.capped ? (
          <p className="inline-flex items-center rounded-md border border-slate-300 bg-slate-50 px-4 py-2.5 font-semibold text-ink">
            Not taking requests right now
          </p>
        ) : (
          <PageLink
            href={`/programs/${program.slug}/request-info`}
            className="inline-flex items-center rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white no-underline hover:bg-brand-800"
          >
            Request Info
          </PageLink>
        )}
        <a
          href={`/go/${program.id}?from=${encodeURIComponent(fromPath)}`}
          target="_blank"
          rel="noopener sponsored"
          className="inline-flex items-center rounded-md border border-brand-700 px-4 py-2.5 font-semibold text-brand-700 no-underline hover:bg-brand-50"
          aria-label={`Visit School Site for ${program.school.name} (opens in a new tab)`}
        >
          Visit School Site
        </a>
      </div>

      {program.description ? <p className="mt-6 leading-relaxed">{program.description}</p> : null}

      {program.highlights.length > 0 ? (
        <section aria-labelledby="highlights" className="mt-8">
          <h2 id="highlights" className="text-xl font-semibold">
            Highlights
          </h2>
          <ul className="mt-3 list-disc space-y-1 pl-6">
            {program.highlights.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="campuses" className="mt-8">
        <h2 id="campuses" className="text-xl font-semibold">
          {program.campuses.length > 0 ? "Campuses" : "Where it is taught"}
        </h2>
        {program.campuses.length > 0 ? (
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {program.campuses.map((c) => (
              <li key={c.id} className="rounded-lg border border-slate-200 p-3">
                <p className="font-semibold">{c.name} campus</p>
                <address className="not-italic text-sm">
                  {c.address}
                  <br />
                  {c.city}, {c.state} {c.zip}
                </address>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-3">Online: no campus visits needed.</p>
        )}
      </section>

      {program.careers.length > 0 ? (
        <section aria-labelledby="careers" className="mt-8">
          <h2 id="careers" className="text-xl font-semibold">
            Careers it leads to
          </h2>
          <ul className="mt-3 space-y-4">
            {program.careers.map((career) => {
              const rows = program.campuses.flatMap((c) => {
                const pay = payFor(c.id, career.id);
                return pay ? [{ campus: c, pay }] : [];
              });
              return (
                <li key={career.id}>
                  <PageLink href={`/careers/${career.slug}`} className="font-semibold">
                    {career.title}
                  </PageLink>
                  {rows.length > 0 ? (
                    <table className="mt-2 w-full text-left text-sm">
                      <caption className="sr-only">Median pay of {career.title} near each campus</caption>
                      <thead>
                        <tr className="border-b border-slate-300">
                          <th scope="col" className="py-1 pr-3">Campus</th>
                          <th scope="col" className="py-1 pr-3">Metro area</th>
                          <th scope="col" className="py-1 text-right">Annual median pay</th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map(({ campus, pay }) => (
                          <tr key={campus.id} className="border-b border-slate-100">
                            <td className="py-1 pr-3">{campus.name}</td>
                            <td className="py-1 pr-3">{pay.metroName}</td>
                            <td className="py-1 text-right">
                              {formatDollars(pay.annualMedianSalary)}{" "}
                              <span className="text-muted">
                                ({pay.source}, {pay.sourceYear})
                              </span>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : (
                    <p className="mt-1 text-sm text-muted">We have no metro-area pay figures for this career near these campuses.</p>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
