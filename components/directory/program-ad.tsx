import { PageLink } from "@/components/page-link";
import { RequestInfoButton } from "@/components/leads/request-info-button";
import type { ProgramAd as ProgramAdData } from "@/db/queries/programs";
import { CREDENTIAL_LABELS, DELIVERY_LABELS, campusSummary, formatMonths } from "@/lib/format";

/**
 * One school program ad. Paid placement is always labelled. "Visit School Site" goes through
 * /go/[id], which records the click and redirects to the URL stored for the program.
 */
export function ProgramAdCard({ ad, headingLevel = 3, from }: { ad: ProgramAdData; headingLevel?: 2 | 3 | 4; from?: string }) {
  const Heading = `h${headingLevel}` as const;
  const titleId = `ad-${ad.id}-title`;
  const goHref = from ? `/go/${ad.id}?from=${encodeURIComponent(from)}` : `/go/${ad.id}`;
  return (
    <article aria-labelledby={titleId} className="ad-card" data-testid="program-ad">
      <div className="flex items-start justify-between gap-3">
        <Heading id={titleId} className="ad-title">
          <PageLink href={`/programs/${ad.slug}`}>{ad.title}</PageLink>
        </Heading>
        {ad.sponsored ? (
          <span className="ad-badge">
            Sponsored
          </span>
        ) : null}
      </div>
      <p className="ad-school mt-1 text-sm">
        <PageLink href={`/schools/${ad.schoolSlug}`}>{ad.schoolName}</PageLink>
      </p>
      <p className="ad-meta">
        {CREDENTIAL_LABELS[ad.credentialLevel]} · {formatMonths(ad.lengthMonths)} · {DELIVERY_LABELS[ad.delivery]}
      </p>
      <p className="ad-meta">
        <span className="sr-only">Where: </span>
        {campusSummary(ad.campusCities, ad.delivery)}
      </p>
      {ad.highlights.length > 0 ? (
        <ul className="mt-3 list-disc space-y-1 pl-5 text-sm">
          {ad.highlights.slice(0, 3).map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        {ad.capped ? (
          // At its lead cap (db/queries/lead-caps.ts): no form to fill in that would be refused.
          <p className="inline-flex items-center rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm font-semibold text-ink">
            Not taking requests right now
          </p>
        ) : (
          <RequestInfoButton slug={ad.slug} title={ad.title} schoolName={ad.schoolName} />
        )}
        <a
          href={goHref}
          target="_blank"
          rel="noopener sponsored"
          className="btn-secondary"
          aria-label={`Visit School Site for ${ad.schoolName} (opens in a new tab)`}
        >
          Visit School Site
        </a>
      </div>
    </article>
  );
}
