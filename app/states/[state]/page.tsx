import type { Metadata } from "next";
import { PageLink } from "@/components/page-link";
import { notFound } from "next/navigation";
import { ProgramAdCard } from "@/components/directory/program-ad";
import { getStateDirectory } from "@/db/queries/states";
import { directoryPath } from "@/lib/directory-cache";
import { formatDollars, formatNumber } from "@/lib/format";
import { US_STATES, stateFromSlug, stateSlug } from "@/lib/validations/directory";

type Props = { params: Promise<{ state: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const code = stateFromSlug((await params).state);
  if (!code) return { title: "State not found" };
  return {
    title: `School programs in ${US_STATES[code]}`,
    description: `Campus-based health-information and medical office programs in ${US_STATES[code]}, and career pay in its metro areas.`,
    alternates: { canonical: `/states/${stateSlug(code)}` },
  };
}

const SHOWN = 30;

export default async function StatePage({ params }: Props) {
  const code = stateFromSlug((await params).state);
  if (!code) notFound();
  const name = US_STATES[code];
  const data = await getStateDirectory(code, SHOWN);
  const path = `/states/${stateSlug(code)}`;
  return (
    <div className="container-page max-w-4xl py-8">
      <p className="text-sm">
        <PageLink href="/states">All states</PageLink>
      </p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight">School programs in {name}</h1>
      <p className="mt-2 text-lg" data-testid="state-counts">
        {formatNumber(data.programCount)} campus-based {data.programCount === 1 ? "program" : "programs"} at {formatNumber(data.schoolCount)}{" "}
        {data.schoolCount === 1 ? "school" : "schools"}
      </p>
      <p className="mt-2">
        <PageLink href={directoryPath({ state: code })}>Filter {name} programs in the directory</PageLink>
      </p>

      {data.metroFigures.length > 0 ? (
        <section aria-labelledby="metro-figures" className="mt-8">
          <h2 id="metro-figures" className="text-xl font-semibold">
            Career figures in {name}&apos;s metro areas
          </h2>
          <table className="mt-3 w-full text-left text-sm">
            <caption className="sr-only">Employment and annual median pay by career and metro area</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-3">Career</th>
                <th scope="col" className="py-1 pr-3">Metro area</th>
                <th scope="col" className="py-1 pr-3 text-right">Jobs</th>
                <th scope="col" className="py-1 pr-3 text-right">Annual median pay</th>
                <th scope="col" className="py-1">Source</th>
              </tr>
            </thead>
            <tbody>
              {data.metroFigures.map((m) => (
                <tr key={`${m.occupationSlug}-${m.metroName}`} className="border-b border-slate-100">
                  <td className="py-1 pr-3">
                    <PageLink href={`/careers/${m.occupationSlug}`}>{m.occupationTitle}</PageLink>
                  </td>
                  <td className="py-1 pr-3">{m.metroName}</td>
                  <td className="py-1 pr-3 text-right">{formatNumber(m.employment)}</td>
                  <td className="py-1 pr-3 text-right">{formatDollars(m.annualMedianSalary)}</td>
                  <td className="py-1">
                    {m.source}, {m.sourceYear}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="state-programs" className="mt-8">
        <h2 id="state-programs" className="text-xl font-semibold">
          Programs with a campus in {name}
        </h2>
        {data.programs.length > 0 ? (
          <>
            <ul className="mt-3 space-y-4">
              {data.programs.map((ad) => (
                <li key={ad.id}>
                  <ProgramAdCard ad={ad} from={path} />
                </li>
              ))}
            </ul>
            {data.programCount > SHOWN ? (
              <p className="mt-4">
                <PageLink href={directoryPath({ state: code })}>See all {formatNumber(data.programCount)} programs in {name}</PageLink>
              </p>
            ) : null}
          </>
        ) : (
          <p className="mt-3">
            No campus-based programs are listed in {name} yet. <PageLink href={directoryPath({ delivery: ["online"] })}>Browse online programs</PageLink>.
          </p>
        )}
      </section>
    </div>
  );
}
