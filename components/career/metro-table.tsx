import type { MetroSort, MetroStat } from "@/db/queries/occupations";
import { formatDollars, formatNumber } from "@/lib/format";

const COLUMNS: { sort: MetroSort; label: string }[] = [
  { sort: "employment", label: "Total employment" },
  { sort: "salary", label: "Annual median salary" },
];

/**
 * Sorting is a plain link (?metroSort=...), so it works without JavaScript and the sorted view
 * has its own URL. The server orders the rows; aria-sort tells assistive technology which column.
 */
export function MetroTable({ rows, sort, caption }: { rows: MetroStat[]; sort: MetroSort; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-base font-medium text-ink">
          {caption}, sorted by {sort === "salary" ? "annual median salary" : "total employment"} (highest first)
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-2 pr-4 font-semibold">
              Metro area (principal cities)
            </th>
            {COLUMNS.map((col) => {
              const active = col.sort === sort;
              return (
                <th
                  key={col.sort}
                  scope="col"
                  aria-sort={active ? "descending" : undefined}
                  className="py-2 pr-4 text-right font-semibold"
                >
                  <a
                    href={`?metroSort=${col.sort}#metro-areas`}
                    className="underline decoration-1 underline-offset-2 hover:decoration-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                    aria-current={active ? "true" : undefined}
                  >
                    {col.label}
                    <span aria-hidden="true">{active ? " ▼" : ""}</span>
                    {!active && <span className="sr-only"> (sort by this column)</span>}
                  </a>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.metroId} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 font-normal">
                <span className="font-medium">{row.name}</span>
                <span className="block text-muted">{row.principalCities.join(", ")}</span>
              </th>
              <td className="py-2 pr-4 text-right tabular-nums">{formatNumber(row.employment)}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{formatDollars(row.annualMedianSalary)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
