import { PageLink } from "@/components/page-link";
import type { OccupationLink } from "@/db/queries/occupations";

export function RelatedCareers({ careers }: { careers: OccupationLink[] }) {
  if (careers.length === 0) return null;
  return (
    <ul className="space-y-3">
      {careers.map((c) => (
        <li key={c.id}>
          <PageLink
            href={`/careers/${c.slug}`}
            className="font-medium text-brand-700 underline underline-offset-2 hover:decoration-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            {c.title}
          </PageLink>
          <p className="text-sm text-muted">{c.summary}</p>
        </li>
      ))}
    </ul>
  );
}
