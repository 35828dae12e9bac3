/** The provenance shown beside every figure: where it comes from and for which year. */
export function SourceLine({ source, year, yearLabel = "Data year" }: { source: string; year: number | string; yearLabel?: string }) {
  return (
    <p className="mt-2 text-sm text-muted">
      <span className="font-medium">Source:</span> {source}. {yearLabel}: {year}.
    </p>
  );
}
