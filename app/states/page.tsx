import type { Metadata } from "next";
import { PageLink } from "@/components/page-link";
import { connection } from "next/server";
import { listStateCounts } from "@/db/queries/states";
import { directoryPath } from "@/lib/directory-cache";
import { formatNumber } from "@/lib/format";
import { US_STATES, isStateCode, stateSlug } from "@/lib/validations/directory";

export const metadata: Metadata = {
  title: "School programs by state",
  description: "Campus-based health-information and medical office programs in each state, with the number of programs and schools.",
  alternates: { canonical: "/states" },
};

export default async function StatesPage() {
  await connection(); // reads the database: render per request, never at build time
  const counts = (await listStateCounts()).filter((c) => isStateCode(c.state));
  return (
    <div className="container-page max-w-4xl py-8">
      <h1 className="text-3xl font-bold tracking-tight">School programs by state</h1>
      <p className="mt-2 text-muted">Campus-based programs, counted by the state of their campuses. Online programs are in the <PageLink href={directoryPath({ delivery: ["online"] })}>directory</PageLink>.</p>
      <table className="mt-6 w-full text-left">
        <caption className="sr-only">Campus-based programs and schools in each state</caption>
        <thead>
          <tr className="border-b border-slate-300 text-sm">
            <th scope="col" className="py-2 pr-4">State</th>
            <th scope="col" className="py-2 pr-4 text-right">Programs</th>
            <th scope="col" className="py-2 text-right">Schools</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((c) => (
            <tr key={c.state} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-4 font-normal">
                {isStateCode(c.state) ? <PageLink href={`/states/${stateSlug(c.state)}`}>{US_STATES[c.state]}</PageLink> : c.state}
              </th>
              <td className="py-2 pr-4 text-right">{formatNumber(c.programs)}</td>
              <td className="py-2 text-right">{formatNumber(c.schools)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
