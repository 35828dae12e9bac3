import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BarChart } from "@/components/career/bar-chart";
import { formatDollars, formatNumber } from "@/lib/format";
import { IndustryTable } from "@/components/career/industry-table";
import { MatchingPrograms } from "@/components/career/matching-programs";
import { MetroTable } from "@/components/career/metro-table";
import { JsonLd, occupationJsonLd } from "@/components/career/occupation-json-ld";
import { ProfileSection, ProfileSections } from "@/components/career/profile-sections";
import { ProjectionSummary } from "@/components/career/projection-summary";
import { RelatedCareers } from "@/components/career/related-careers";
import { SourceLine } from "@/components/career/source-line";
import {
  getIndustryStats,
  getMetroStats,
  getOccupationBySlug,
  getRelatedOccupations,
  type MetroSort,
} from "@/db/queries/occupations";

// Content comes from the database at request time, never at build time.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const CHART_SIZE = 5;

function parseMetroSort(value: string | string[] | undefined): MetroSort {
  return value === "salary" ? "salary" : "employment";
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const occupation = await getOccupationBySlug(slug);
  if (!occupation) notFound();
  const title = `${occupation.title}: duties, training, pay and outlook`;
  return {
    title,
    description: occupation.summary,
    alternates: { canonical: `/careers/${occupation.slug}` },
    openGraph: { type: "article", title, description: occupation.summary, url: `/careers/${occupation.slug}` },
  };
}

export default async function CareerProfilePage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const occupation = await getOccupationBySlug(slug);
  if (!occupation) notFound();

  const metroSort = parseMetroSort(query.metroSort);
  const [byEmployment, bySalary, industries, related] = await Promise.all([
    getMetroStats(occupation.id, "employment"),
    getMetroStats(occupation.id, "salary"),
    getIndustryStats(occupation.id),
    getRelatedOccupations(occupation.id),
  ]);
  const metros = metroSort === "salary" ? bySalary : byEmployment;
  const { sections, shortTitle } = occupation;
  const soc = [
    occupation.socCode2010 && `SOC 2010 ${occupation.socCode2010}`,
    occupation.socCode2018 && `SOC 2018 ${occupation.socCode2018}`,
  ].filter(Boolean);

  return (
    <div className="container-page py-8 lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-10">
      <JsonLd data={occupationJsonLd(occupation, byEmployment, `/careers/${occupation.slug}`)} />
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
              title={`Top ${Math.min(CHART_SIZE, byEmployment.length)} metro areas by employment of ${shortTitle.toLowerCase()}`}
              listLabel="Employment by metro area"
              bars={byEmployment.slice(0, CHART_SIZE).map((m) => ({
                label: m.name,
                value: m.employment,
                display: formatNumber(m.employment),
              }))}
            />
            <h3 className="mt-6 text-lg font-semibold">Top metro areas by salary</h3>
            <BarChart
              title={`Top ${Math.min(CHART_SIZE, bySalary.length)} metro areas by annual median salary of ${shortTitle.toLowerCase()}`}
              listLabel="Annual median salary by metro area"
              bars={bySalary.slice(0, CHART_SIZE).map((m) => ({
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
          <MatchingPrograms occupationId={occupation.id} occupationTitle={occupation.title} from={`/careers/${occupation.slug}`} />
        </div>
      </aside>
    </div>
  );
}
