import Link from "next/link";
import { countSchoolPrograms } from "@/db/queries/portal";
import { listLeads } from "@/db/queries/portal-leads";
import { pageScope } from "@/lib/authz";

export default async function SchoolHome() {
  const scope = await pageScope("member");
  const [programCounts, newLeads] = await Promise.all([countSchoolPrograms(scope), listLeads(scope, { status: "new" }, 500)]);
  const byStatus = Object.fromEntries(programCounts.map((p) => [p.status, p.n]));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Overview</h1>
      <dl className="grid gap-4 sm:grid-cols-3">
        <div className="rounded-lg border border-slate-200 p-4">
          <dt className="text-sm text-muted">New leads</dt>
          <dd className="text-2xl font-semibold">{newLeads.length}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 p-4">
          <dt className="text-sm text-muted">Live programs</dt>
          <dd className="text-2xl font-semibold">{byStatus.active ?? 0}</dd>
        </div>
        <div className="rounded-lg border border-slate-200 p-4">
          <dt className="text-sm text-muted">Programs in review</dt>
          <dd className="text-2xl font-semibold">{byStatus.in_review ?? 0}</dd>
        </div>
      </dl>
      <p>
        <Link href="/school/leads">Work your leads</Link>
      </p>
    </div>
  );
}
