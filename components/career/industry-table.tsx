import type { IndustryStat } from "@/db/queries/occupations";
import { formatCount, formatPercent, formatUsd } from "./format";

export function IndustryTable({ rows, caption }: { rows: IndustryStat[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-base font-medium text-gray-900">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-gray-300">
            <th scope="col" className="py-2 pr-4 font-semibold">Industry</th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">Jobs</th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">Share of jobs</th>
            <th scope="col" className="py-2 pr-4 text-right font-semibold">Annual median salary</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.industry} className="border-b border-gray-200">
              <th scope="row" className="py-2 pr-4 font-normal">{row.industry}</th>
              <td className="py-2 pr-4 text-right tabular-nums">{formatCount(row.jobs)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatPercent(row.sharePercent)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatUsd(row.annualMedianSalary)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
