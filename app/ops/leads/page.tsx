import type { Metadata } from "next";
import {
  getDeliveryStats,
  getLeadSummary,
  getLeadVolumeSeries,
  getLeadsByProgramArea,
  getLeadsBySchool,
  getLeadsBySource,
  getLeadsByState,
  getRejectionSummary,
} from "@/db/queries/ops-dashboard";
import { BreakdownTable, percent, VolumeChart } from "@/components/ops/volume-chart";
import { formatNumber } from "@/lib/format";
import { pageOperator } from "@/lib/authz";
import { parseDashboardQuery } from "@/lib/validations/ops-dashboard";
import type { LeadRejectionReason } from "@/db/schema";

export const metadata: Metadata = { title: "Lead volume" };

/** How each reason for refusing a submission reads on the dashboard. */
const REJECTION_REASONS: Record<LeadRejectionReason, string> = {
  at_cap: "Program at its lead cap",
  unavailable: "Program not taking requests (suspended, unlisted or unknown)",
  rate_limited: "Too many submissions from one network",
  bot_trap: "Hidden field filled in (bot trap)",
  too_fast: "Sent faster than a person can type",
  invalid_form: "Expired or altered form",
};

const PERIOD_NAMES = { day: "day", week: "week (from Monday)", month: "month" } as const;

function seconds(s: number | null): string {
  if (s === null) return "–";
  if (s < 120) return `${formatNumber(s)} s`;
  if (s < 7200) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

export default async function LeadVolumePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await pageOperator();
  const { values, range, fieldErrors } = parseDashboardQuery(await searchParams);
  const [summary, series, bySchool, byArea, byState, bySource, delivery, rejections] = await Promise.all([
    getLeadSummary(range),
    getLeadVolumeSeries(range, values.by),
    getLeadsBySchool(range, 20),
    getLeadsByProgramArea(range),
    getLeadsByState(range),
    getLeadsBySource(range),
    getDeliveryStats(range),
    getRejectionSummary(range),
  ]);
  const hasErrors = Object.keys(fieldErrors).length > 0;
  const shownFrom = range.from.toISOString().slice(0, 10);
  const shownTo = new Date(range.to.getTime() - 86_400_000).toISOString().slice(0, 10);
  const inputClass = "mt-1 block rounded-md border border-slate-400 px-2 py-1.5";
  const errorFor = (key: keyof typeof fieldErrors) =>
    fieldErrors[key] ? (
      <p id={`${key}-error`} className="mt-1 text-sm font-medium text-red-800">
        {fieldErrors[key]}
      </p>
    ) : null;

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Lead volume</h1>
      <form method="get" className="flex flex-wrap items-start gap-4 rounded-lg bg-slate-50 p-3" aria-label="Date range">
        <div>
          <label htmlFor="from" className="text-sm font-medium">First day</label>
          <input id="from" name="from" type="date" defaultValue={values.from} className={inputClass}
            aria-invalid={fieldErrors.from ? true : undefined} aria-describedby={fieldErrors.from ? "from-error" : undefined} />
          {errorFor("from")}
        </div>
        <div>
          <label htmlFor="to" className="text-sm font-medium">Last day</label>
          <input id="to" name="to" type="date" defaultValue={values.to} className={inputClass}
            aria-invalid={fieldErrors.to ? true : undefined} aria-describedby={fieldErrors.to ? "to-error" : undefined} />
          {errorFor("to")}
        </div>
        <div>
          <label htmlFor="by" className="text-sm font-medium">Per</label>
          <select id="by" name="by" defaultValue={values.by} className={inputClass}
            aria-invalid={fieldErrors.by ? true : undefined} aria-describedby={fieldErrors.by ? "by-error" : undefined}>
            <option value="day">Day</option>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </select>
          {errorFor("by")}
        </div>
        <button type="submit" className="mt-6 rounded-md bg-brand-700 px-4 py-1.5 font-semibold text-white">Show</button>
      </form>
      <p className="text-sm text-muted" role={hasErrors ? "status" : undefined}>
        {hasErrors ? "The range was not valid, so the last 30 days are shown. " : ""}
        Leads made from {shownFrom} to {shownTo} (UTC days, both included).
      </p>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="sr-only">Summary</h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {[
            ["Leads", formatNumber(summary.leads)],
            ["Duplicates", `${formatNumber(summary.duplicates)} (${percent(summary.duplicates, summary.leads)})`],
            ["Rejected submissions", `${formatNumber(rejections.rejected)} (${percent(rejections.rejected, summary.leads + rejections.rejected)})`],
            ["Schools with leads", formatNumber(bySchool.schoolsWithLeads)],
            ["Delivery failures", `${formatNumber(delivery.failed)} (${percent(delivery.failed, delivery.notifications)})`],
            ["Delivered", formatNumber(delivery.sent)],
            ["Waiting to send", formatNumber(delivery.waiting)],
            ["Median time to delivery", seconds(delivery.medianSeconds)],
            ["90th percentile time to delivery", seconds(delivery.p90Seconds)],
          ].map(([term, value]) => (
            <div key={term} className="rounded-lg border border-slate-200 p-3">
              <dt className="text-sm text-muted">{term}</dt>
              <dd className="text-xl font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-xs text-muted">
          Duplicates are repeat requests by the same person to the same school within the duplicate window: stored, not billed;
          their share is of the leads. Rejected submissions are Request Info forms the site refused to store whatever the
          student corrected (reasons below), counted once each without any personal data; their share is rejected out of
          leads plus rejected. Forms sent back for a field the student then corrects (a mistyped email, an unknown ZIP) are
          neither leads nor rejections. Time to delivery runs from the student&apos;s submission to the school notification
          leaving, in whole seconds.
        </p>
      </section>

      <section aria-labelledby="rejections-heading">
        <h2 id="rejections-heading" className="text-lg font-semibold">Rejected submissions by reason</h2>
        {rejections.byReason.length === 0 ? (
          <p className="text-sm text-muted">No submission was refused in this range.</p>
        ) : (
          <table className="mt-2 text-sm">
            <caption className="sr-only">Rejected submissions by reason</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="pr-6">Reason</th>
                <th scope="col" className="pr-6 text-right">Submissions</th>
                <th scope="col" className="text-right">Share of rejected</th>
              </tr>
            </thead>
            <tbody>
              {rejections.byReason.map((r) => (
                <tr key={r.reason}>
                  <th scope="row" className="pr-6 text-left font-normal">{REJECTION_REASONS[r.reason as LeadRejectionReason] ?? r.reason}</th>
                  <td className="pr-6 text-right tabular-nums">{formatNumber(r.rejections)}</td>
                  <td className="text-right tabular-nums">{percent(r.rejections, rejections.rejected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="series-heading" className="space-y-3">
        <h2 id="series-heading" className="text-lg font-semibold">Leads per {PERIOD_NAMES[values.by]}</h2>
        <VolumeChart
          id="volume"
          title={`Leads per ${values.by}`}
          valueLabel="Leads"
          secondaryLabel="Duplicates"
          points={series.map((p) => ({ label: p.period, value: p.leads, secondary: p.duplicates }))}
        />
        <details>
          <summary className="cursor-pointer text-sm font-medium">Figures per {values.by}</summary>
          <table className="mt-2 text-sm">
            <caption className="sr-only">Leads per {values.by}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="pr-6">{values.by === "day" ? "Day" : values.by === "week" ? "Week of" : "Month of"}</th>
                <th scope="col" className="pr-6 text-right">Leads</th>
                <th scope="col" className="text-right">Duplicates</th>
              </tr>
            </thead>
            <tbody>
              {series.map((p) => (
                <tr key={p.period}>
                  <th scope="row" className="pr-6 text-left font-normal">{p.period}</th>
                  <td className="pr-6 text-right tabular-nums">{formatNumber(p.leads)}</td>
                  <td className="text-right tabular-nums">{formatNumber(p.duplicates)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <section aria-labelledby="breakdowns-heading" className="grid gap-8 lg:grid-cols-2">
        <h2 id="breakdowns-heading" className="sr-only">Breakdowns</h2>
        <BreakdownTable caption="Top 20 schools" keyLabel="School" rows={bySchool.rows} total={summary.leads} />
        <BreakdownTable caption="By program area" keyLabel="Program area" rows={byArea} total={summary.leads} />
        <BreakdownTable caption="By student state" keyLabel="State" rows={byState} total={summary.leads} />
        <BreakdownTable caption="By source (utm_source)" keyLabel="Source" rows={bySource} total={summary.leads} />
      </section>
    </div>
  );
}
