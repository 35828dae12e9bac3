import Link from "next/link";
import { ProgramStatusBadge } from "@/components/school/program-status";
import { listSchoolPrograms } from "@/db/queries/portal-programs";
import { pageScope } from "@/lib/authz";

export const metadata = { title: "Programs" };

export default async function ProgramsPage() {
  const scope = await pageScope("admin");
  const rows = await listSchoolPrograms(scope);
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">Programs</h1>
        <Link href="/school/programs/new" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white no-underline">
          New program
        </Link>
      </div>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Programs</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2">Program</th>
            <th scope="col">Status</th>
            <th scope="col">Lead caps</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} className="border-b border-slate-100">
              <td className="py-2">
                <Link href={`/school/programs/${p.id}`}>{p.title}</Link>
                {p.hasPendingChanges ? <span className="ml-2 text-xs text-muted">(edit waiting for review)</span> : null}
              </td>
              <td>
                <ProgramStatusBadge status={p.status} />
              </td>
              <td>
                {p.dailyLeadCap ? `${p.dailyLeadCap}/day ` : ""}
                {p.monthlyLeadCap ? `${p.monthlyLeadCap}/month` : ""}
                {!p.dailyLeadCap && !p.monthlyLeadCap ? "None" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
