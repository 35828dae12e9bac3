import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BarChart } from "@/components/career/bar-chart";
import { IndustryTable } from "@/components/career/industry-table";
import { Directory } from "@/components/directory/directory";
import { PageLink } from "@/components/page-link";
import { MetroTable } from "@/components/career/metro-table";
import { JsonLd, occupationJsonLd } from "@/components/career/occupation-json-ld";
import { ProfileSection, ProfileSections } from "@/components/career/profile-sections";
import { ProjectionSummary } from "@/components/career/projection-summary";
import { RelatedCareers } from "@/components/career/related-careers";
import { SourceLine } from "@/components/career/source-line";
import { getCareerProfile, getCareerProfileCached } from "@/db/queries/occupations";
import { parseMetroSort } from "@/lib/directory-cache";
import { formatDollars, formatNumber } from "@/lib/format";
import type { RawSearchParams } from "@/lib/validations/directory";

const CHART_SIZE = 5;

/**
 * Where a profile's data comes from. The page cache's route reads through Next's data cache, whose
 * tags ("careers", "directory") drop its pages when the data changes; the per-request route reads
 * the database itself, as it always has (so it also reports an outage rather than old data).
 */
export type ProfileSource = "cache" | "database";

const loadProfile = (slug: string, source: ProfileSource) => (source === "cache" ? getCareerProfileCached : getCareerProfile)(slug);

/**
 * The profile's metadata, for both of its routes: the canonical address is always /careers/<slug>,
 * never the page cache's own (app/career-pages), and the page is indexable.
 */
export async function careerProfileMetadata(slug: string, source: ProfileSource): Promise<Metadata> {
  const profile = await loadProfile(slug, source);
  if (!profile) notFound();
  const { occupation } = profile;
  const title = `${occupation.title}: duties, training, pay and outlook`;
  return {
    title,
    description: occupation.summary,
    alternates: { canonical: `/careers/${occupation.slug}` },
    openGraph: { type: "article", title, description: occupation.summary, url: `/careers/${occupation.slug}` },
  };
}

/**
 * /careers/<slug>: rendered per request (app/careers/[slug]) or from the page cache per view
 * (app/career-pages/[slug]/[view], where proxy.ts sends most visits). It reads only its props and
 * its data, nothing of the request, so both routes send the same page.
 */
export async function CareerProfilePage({ slug, searchParams, source }: { slug: string; searchParams: RawSearchParams; source: ProfileSource }) {
  const profile = await loadProfile(slug, source);
  if (!profile) notFound();

  const metroSort = parseMetroSort(searchParams.metroSort);
  const { occupation, metrosByEmployment, metrosBySalary, industries, related } = profile;
  const metros = metroSort === "salary" ? metrosBySalary : metrosByEmployment;
  const { sections, shortTitle } = occupation;
  const soc = [
    occupation.socCode2010 && `SOC 2010 ${occupation.socCode2010}`,
    occupation.socCode2018 && `SOC 2018 ${occupation.socCode2018}`,
  ].filter(Boolean);

  return (
    <div className="container-page py-8 lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-10">
      <JsonLd data={occupationJsonLd(occupation, metrosByEmployment, `/careers/${occupation.slug}`)} />
      <article aria-labelledby="career-title" className="min-w-0">
        <header>
          <p className="text-sm font-medium text-brand-700">Career profile</p>
          <h1 id="career-title" className="mt-1 text-3xl font-bold text-ink sm:text-4xl">
            {occupation.title}
          </h1>
          <p className="mt-3 text-lg text-ink">{occupation.summary}</p>
          {soc.length > 0 && <p className="mt-2 text-sm text-muted">Occupation codes: {soc.join(" · ")}</p>}
        </header>

        <ProfileSections
          sections={sections}
          shortTitle={shortTitle}
          outlookExtra={
            sections.projection && <ProjectionSummary projection={sections.projection} title={occupation.title} />
          }
        />

        {metros.length > 0 && (
          <ProfileSection id="metro-areas" title="Where the jobs are: metro areas">
            <p>
              Each row is one metropolitan statistical area (MSA), so cities in the same area share one
              figure.
            </p>
            <MetroTable rows={metros} sort={metroSort} caption={`Metro areas with the most ${shortTitle.toLowerCase()}`} />
            <SourceLine source={metros[0]?.source ?? occupation.dataSource} year={metros[0]?.sourceYear ?? occupation.dataYear} />

            <h3 className="mt-6 text-lg font-semibold">Top metro areas by employment</h3>
            <BarChart
              title={`Top ${Math.min(CHART_SIZE, metrosByEmployment.length)} metro areas by employment of ${shortTitle.toLowerCase()}`}
              listLabel="Employment by metro area"
              bars={metrosByEmployment.slice(0, CHART_SIZE).map((m) => ({
                label: m.name,
                value: m.employment,
                display: formatNumber(m.employment),
              }))}
            />
            <h3 className="mt-6 text-lg font-semibold">Top metro areas by salary</h3>
            <BarChart
              title={`Top ${Math.min(CHART_SIZE, metrosBySalary.length)} metro areas by annual median salary of ${shortTitle.toLowerCase()}`}
              listLabel="Annual median salary by metro area"
              bars={metrosBySalary.slice(0, CHART_SIZE).map((m) => ({
                label: m.name,
                value: m.annualMedianSalary,
                display: formatDollars(m.annualMedianSalary),
              }))}
            />
            <SourceLine source={metros[0]?.source ?? occupation.dataSource} year={metros[0]?.sourceYear ?? occupation.dataYear} />
          </ProfileSection>
        )}

        {industries.length > 0 && (
          <ProfileSection id="industries" title="Industries that employ them">
            <p>Industries with at least 1% of the occupation&apos;s jobs.</p>
            <IndustryTable rows={industries} caption={`Industries employing ${shortTitle.toLowerCase()}`} />
            <SourceLine source={industries[0]?.source ?? occupation.dataSource} year={industries[0]?.sourceYear ?? occupation.dataYear} />
          </ProfileSection>
        )}

        <ProfileSection id="about-figures" title="About these figures">
          {occupation.sourceNote && <p>{occupation.sourceNote}</p>}
          <SourceLine source={occupation.dataSource} year={occupation.dataYear} />
          <p className="text-sm text-muted">
            Last reviewed on <time dateTime={occupation.lastReviewedOn}>{occupation.lastReviewedOn}</time>.
          </p>
        </ProfileSection>

        {related.length > 0 && (
          <ProfileSection id="related" title="Related careers">
            <RelatedCareers careers={related} />
          </ProfileSection>
        )}
      </article>

      <aside aria-labelledby="programs-heading" className="mt-12 border-t border-slate-300 pt-8 lg:mt-0 lg:border-t-0 lg:border-l lg:pt-0 lg:pl-8">
        <h2 id="programs-heading" className="text-xl font-semibold text-ink">
          Schools offering related programs
        </h2>
        <div className="mt-4">
          <p className="mb-4 text-sm text-muted">
            School programs that lead to this career. Sponsored listings are labelled and shown first;{" "}
            <PageLink href="/advertising-disclosure">how listings are ordered</PageLink>.
          </p>
          <Directory searchParams={searchParams} action={`/careers/${occupation.slug}`} occupationId={occupation.id} idPrefix="career-dir" layout="column" pageSize={10} />
        </div>
      </aside>
    </div>
  );
}
