import { formatNumber } from "@/lib/format";

export type ChartPoint = { label: string; value: number; secondary?: number };

/**
 * A column chart drawn on the server as inline SVG (no script). The figures are in the table that
 * follows it, which is what screen readers and keyboard users read; the chart itself is one image.
 */
export function VolumeChart({ id, title, points, valueLabel, secondaryLabel }: {
  id: string;
  title: string;
  points: ChartPoint[];
  valueLabel: string;
  secondaryLabel?: string;
}) {
  const width = 720;
  const height = 220;
  const pad = { top: 12, right: 8, bottom: 28, left: 44 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const max = Math.max(1, ...points.map((p) => p.value));
  const step = innerW / Math.max(1, points.length);
  const barW = Math.max(1, step * 0.8);
  const y = (v: number) => pad.top + innerH - (v / max) * innerH;
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  const total = points.reduce((s, p) => s + p.value, 0);
  return (
    <figure aria-labelledby={`${id}-caption`} className="rounded-lg border border-slate-200 p-3">
      <figcaption id={`${id}-caption`} className="font-semibold">
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="mt-2 h-auto w-full"
        role="img"
        aria-label={`${title}: ${formatNumber(total)} ${valueLabel.toLowerCase()} in ${points.length} periods; figures in the table below.`}
      >
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} stroke="#94a3b8" />
        <text x={pad.left - 6} y={y(max) + 4} textAnchor="end" fontSize="11" fill="#4a5565">
          {formatNumber(max)}
        </text>
        <text x={pad.left - 6} y={y(0)} textAnchor="end" fontSize="11" fill="#4a5565">
          0
        </text>
        {points.map((p, i) => {
          const x = pad.left + i * step + (step - barW) / 2;
          return (
            <g key={p.label}>
              <rect x={x} y={y(p.value)} width={barW} height={y(0) - y(p.value)} fill="#1d5fbf">
                <title>{`${p.label}: ${formatNumber(p.value)}`}</title>
              </rect>
              {p.secondary ? <rect x={x} y={y(p.secondary)} width={barW} height={y(0) - y(p.secondary)} fill="#f59e0b" /> : null}
              {i % labelEvery === 0 ? (
                <text x={x + barW / 2} y={height - 10} textAnchor="middle" fontSize="11" fill="#4a5565">
                  {p.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      {secondaryLabel ? (
        <p className="mt-1 text-xs text-muted">
          <span aria-hidden="true" className="mr-1 inline-block size-2.5 bg-[#1d5fbf]" />
          {valueLabel}
          <span aria-hidden="true" className="ml-4 mr-1 inline-block size-2.5 bg-[#f59e0b]" />
          {secondaryLabel}
        </p>
      ) : null}
    </figure>
  );
}

export function percent(part: number, whole: number): string {
  if (whole === 0) return "–";
  return `${((part / whole) * 100).toFixed(1)}%`;
}

/** A breakdown as a table with an inline bar per row (the bar is decoration; the number is the figure). */
export function BreakdownTable({ caption, keyLabel, rows, total }: {
  caption: string;
  keyLabel: string;
  rows: { key: string; label: string; leads: number; duplicates: number }[];
  total: number;
}) {
  const max = Math.max(1, ...rows.map((r) => r.leads));
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left font-semibold">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-3">{keyLabel}</th>
            <th scope="col" className="py-1 pr-3 text-right">Leads</th>
            <th scope="col" className="py-1 pr-3 text-right">Share</th>
            <th scope="col" className="py-1 pr-3 text-right">Duplicates</th>
            <th scope="col" className="w-1/3 py-1"><span className="sr-only">Bar</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={5} className="py-2 text-muted">No leads in this range.</td>
            </tr>
          ) : null}
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-3 font-normal">{r.label}</th>
              <td className="py-1 pr-3 text-right tabular-nums">{formatNumber(r.leads)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{percent(r.leads, total)}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{formatNumber(r.duplicates)}</td>
              <td className="py-1" aria-hidden="true">
                <span className="block h-2.5 rounded-sm bg-brand-600" style={{ width: `${(r.leads / max) * 100}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
