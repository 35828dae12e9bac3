import Link from "next/link";
import { LiveLeads } from "@/components/school/live-leads";
import { listCampuses } from "@/db/queries/portal";
import { listLeads } from "@/db/queries/portal-leads";
import { listSchoolPrograms } from "@/db/queries/portal-programs";
import { pageScope } from "@/lib/authz";
import { readLeadFilters } from "@/lib/auth/lead-filters";
import { LEAD_STATUSES, LEAD_STATUS_LABELS } from "@/lib/validations/school";
import { applyLeadFilters } from "../actions";

export const metadata = { title: "Leads" };

const input = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

export default async function LeadsPage() {
  const scope = await pageScope("member");
  const filters = await readLeadFilters();
  const [rows, programs, campuses] = await Promise.all([listLeads(scope, filters, 200), listSchoolPrograms(scope), listCampuses(scope)]);
  const since = rows[0]?.createdAt.toISOString() ?? new Date().toISOString();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">Leads</h1>
        <a href="/school/leads/export" className="rounded-md border border-brand-700 px-3 py-2 text-sm font-semibold text-brand-700 no-underline" download>
          Export CSV
        </a>
      </div>
      <form action={applyLeadFilters} className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter leads">
        <div>
          <label htmlFor="f-from" className="text-sm font-medium">From</label>
          <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} className={input} />
        </div>
        <div>
          <label htmlFor="f-to" className="text-sm font-medium">To</label>
          <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} className={input} />
        </div>
        <div>
          <label htmlFor="f-program" className="text-sm font-medium">Program</label>
          <select id="f-program" name="program" defaultValue={filters.program ? String(filters.program) : ""} className={input}>
            <option value="">All programs</option>
            {programs.map((p) => (
              <option key={p.id} value={p.id}>{p.title}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-campus" className="text-sm font-medium">Campus</label>
          <select id="f-campus" name="campus" defaultValue={filters.campus ? String(filters.campus) : ""} className={input}>
            <option value="">All campuses</option>
            {campuses.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-status" className="text-sm font-medium">Status</label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ""} className={input}>
            <option value="">Any status</option>
            {LEAD_STATUSES.map((s) => (
              <option key={s} value={s}>{LEAD_STATUS_LABELS[s]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-q" className="text-sm font-medium">Name or email</label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} className={input} />
        </div>
        <div className="flex gap-2 sm:col-span-3 lg:col-span-6">
          <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">Apply filters</button>
          <button type="submit" name="clear" value="1" className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-semibold">Clear</button>
        </div>
      </form>
      <LiveLeads since={since} />
      {rows.length === 0 ? (
        <p>No leads match these filters.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Leads, newest first</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2">Received</th>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Program</th>
              <th scope="col">Campus</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((l) => (
              <tr key={l.id} className="border-b border-slate-100">
                <td className="py-2">{l.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</td>
                <td>
                  <Link href={`/school/leads/${l.id}`}>{`${l.firstName} ${l.lastName}`.trim() || "(deleted)"}</Link>
                </td>
                <td>{l.email}</td>
                <td>{l.programTitle}</td>
                <td>{l.campusName ?? "Online"}</td>
                <td>{LEAD_STATUS_LABELS[l.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
