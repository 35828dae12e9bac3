import type { Projection } from "@/db/schema";
import { formatNumber } from "@/lib/format";
import { SourceLine } from "./source-line";

export function projectionChange(p: Projection) {
  const change = p.projectedJobs - p.baseJobs;
  const percent = p.baseJobs === 0 ? 0 : Math.round((change / p.baseJobs) * 1000) / 10;
  return { change, percent };
}

export function ProjectionSummary({ projection, title }: { projection: Projection; title: string }) {
  const { change, percent } = projectionChange(projection);
  const sign = change >= 0 ? "+" : "−";
  return (
    <div className="mt-4 rounded-md border border-slate-300 p-4">
      <h3 className="text-lg font-semibold">National employment projection</h3>
      <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-4">
        <div>
          <dt className="text-sm text-muted">Jobs in {projection.baseYear}</dt>
          <dd className="text-xl font-semibold tabular-nums">{formatNumber(projection.baseJobs)}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Projected for {projection.projectedYear}</dt>
          <dd className="text-xl font-semibold tabular-nums">{formatNumber(projection.projectedJobs)}</dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Change</dt>
          <dd className="text-xl font-semibold tabular-nums">
            {sign}
            {formatNumber(Math.abs(change))}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-muted">Percent change</dt>
          <dd className="text-xl font-semibold tabular-nums">
            {sign}
            {Math.abs(percent)}%
          </dd>
        </div>
      </dl>
      <p className="mt-3">
        {title}: from {formatNumber(projection.baseJobs)} jobs in {projection.baseYear} to a projected{" "}
        {formatNumber(projection.projectedJobs)} in {projection.projectedYear}.
      </p>
      <SourceLine
        source={projection.source}
        year={`${projection.baseYear}–${projection.projectedYear}`}
        yearLabel="Projection period"
      />
    </div>
  );
}
