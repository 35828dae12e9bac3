/**
 * The aside's content: school programs that lead to this occupation.
 *
 * TODO(careers): render `listProgramsForOccupation(occupationId)` from `db/queries/programs.ts`
 * with `components/directory/program-ad.tsx` once the integrator lands them on main. Until then
 * this is a clearly marked empty slot so the page's two-column layout is in place.
 */
export async function MatchingPrograms({ occupationId, occupationTitle }: { occupationId: number; occupationTitle: string }) {
  void occupationId;
  return (
    <p className="text-sm text-gray-700" data-slot="matching-programs">
      Programs that prepare students to work as {occupationTitle.toLowerCase()} will be listed here.
    </p>
  );
}
