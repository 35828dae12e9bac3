import type { Metadata } from "next";
import { GetField, GetForm } from "@/components/ops/get-form";
import { clicksToLeadsByProgram, clicksToLeadsBySchool, leadsPerClick, type ClickLeadRow } from "@/db/queries/ops-clicks";
import { parseGet } from "@/lib/validations/ops-audit";
import { clicksRangeSchema } from "@/lib/validations/ops-clicks";
import { defaultDashboardQuery } from "@/lib/validations/ops-dashboard";
import { formatNumber } from "@/lib/format";
import { pageOperator } from "@/lib/authz";

export const metadata: Metadata = { title: "Clicks to leads" };

const DAY_MS = 86_400_000;
const ratio = (r: ClickLeadRow) => {
  const v = leadsPerClick(r);
  return v === null ? "–" : `${(v * 100).toFixed(1)}%`;
};

function Table({ caption, rows, withSchool }: { caption: string; rows: ClickLeadRow[]; withSchool?: boolean }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="py-2 text-left text-lg font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2">{withSchool ? "Program" : "School"}</th>
          {withSchool ? <th scope="col">School</th> : null}
          <th scope="col">Site clicks</th>
          <th scope="col">Leads</th>
          <th scope="col">Leads per click</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-100">
            <th scope="row" className="py-1 font-normal">{r.name}</th>
            {withSchool ? <td>{r.schoolName}</td> : null}
            <td>{formatNumber(r.clicks)}</td>
            <td>{formatNumber(r.leads)}</td>
            <td>{ratio(r)}</td>
          </tr>
        ))}
        {rows.length === 0 ? (
          <tr>
            <td colSpan={withSchool ? 5 : 4} className="py-1">No clicks or leads in this range.</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

export default async function ClicksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await pageOperator();
  const defaults = defaultDashboardQuery();
  const params = await searchParams;
  const { raw, data, fieldErrors } = parseGet(clicksRangeSchema, { from: defaults.from, to: defaults.to, ...params });
  const values = data ?? { from: defaults.from, to: defaults.to };
  const range = { from: new Date(`${values.from}T00:00:00Z`), to: new Date(Date.parse(`${values.to}T00:00:00Z`) + DAY_MS) };
  const [byProgram, bySchool] = await Promise.all([clicksToLeadsByProgram(range), clicksToLeadsBySchool(range)]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Clicks to leads</h1>
      <GetForm label="Date range">
        <GetField name="from" label="First day" type="date" value={raw.from} error={fieldErrors.from} />
        <GetField name="to" label="Last day" type="date" value={raw.to} error={fieldErrors.to} />
      </GetForm>
      {data ? null : <p role="alert" className="text-sm">The range was not valid, so the last 30 days are shown.</p>}
      <p className="text-sm">
        Visit School Site clicks and leads (first requests, not repeats) from {values.from} to {values.to} (UTC).
      </p>
      <Table caption="By school" rows={bySchool} />
      <Table caption="By program" rows={byProgram} withSchool />
    </div>
  );
}
