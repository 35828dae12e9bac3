import type { IndustryStat } from "@/db/queries/occupations";
import { formatDollars, formatNumber } from "@/lib/format";

export function IndustryTable({ rows, caption }: { rows: IndustryStat[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-base font-medium text-ink">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-2 pr-4 font-semibold">Industry</th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">Jobs</th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">Share of jobs</th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">Annual median salary</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.industry} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 font-normal">{row.industry}</th>
              <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(row.jobs)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{row.sharePercent}%</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatDollars(row.annualMedianSalary)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
