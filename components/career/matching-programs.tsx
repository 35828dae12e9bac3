import type { ProfileSource } from "@/components/career/career-profile";
import { PageLink } from "@/components/page-link";
import { ProgramAdCard } from "@/components/directory/program-ad";
import { listProgramsForOccupation, listProgramsForOccupationCached } from "@/db/queries/programs";

type Props = {
  occupationId: number;
  occupationTitle: string;
  from: string;
  /** From the page cache: the cached read, which a listing change drops (the directory tag). */
  source: ProfileSource;
};

/** The aside's content: listed school programs that lead to this occupation, sponsored first. */
export async function MatchingPrograms({ occupationId, occupationTitle, from, source }: Props) {
  const ads = await (source === "cache" ? listProgramsForOccupationCached : listProgramsForOccupation)(occupationId);
  if (ads.length === 0) {
    return <p className="text-sm text-muted">No schools list a program for {occupationTitle.toLowerCase()} yet.</p>;
  }
  return (
    <>
      <p className="text-sm text-muted">
        {ads.length} {ads.length === 1 ? "program" : "programs"}. Sponsored listings are labelled and shown first;{" "}
        <PageLink href="/advertising-disclosure">how listings are ordered</PageLink>.
      </p>
      <ul className="mt-4 space-y-4">
        {ads.map((ad) => (
          <li key={ad.id}>
            <ProgramAdCard ad={ad} headingLevel={3} from={from} />
          </li>
        ))}
      </ul>
    </>
  );
}
