import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/school/action-form";
import { ProgramFields } from "@/components/school/program-fields";
import { ProgramStatusBadge } from "@/components/school/program-status";
import { listCampuses } from "@/db/queries/portal";
import { getSchoolProgram, listProgramAreas } from "@/db/queries/portal-programs";
import { pageScope, recordOutOfScope } from "@/lib/authz";
import { changeProgramStatus, saveProgram } from "../../actions";

export const metadata = { title: "Program" };

export default async function ProgramPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const scope = await pageScope("admin");
  const { id } = await params;
  const programId = /^\d{1,9}$/.test(id) ? Number(id) : null;
  const program = programId ? await getSchoolProgram(scope, programId) : null;
  if (!program || !programId) {
    await recordOutOfScope(scope, "program", id.slice(0, 40));
    notFound();
  }
  const [areas, campuses, query] = await Promise.all([listProgramAreas(), listCampuses(scope), searchParams]);
  const shown = { ...program, ...(program.pending ?? {}) };
  const transitions =
    program.status === "draft" ? [{ t: "submit", label: "Send for review" }] : program.status === "active" ? [{ t: "pause", label: "Pause" }] : program.status === "paused" ? [{ t: "resume", label: "Resume" }] : [];
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{program.title}</h1>
        <p className="mt-1 flex items-center gap-2 text-sm">
          Status: <ProgramStatusBadge status={program.status} />
          <Link href={`/school/programs/${program.id}/preview`}>Preview as students see it</Link>
        </p>
        {query.created ? (
          <p role="status" className="mt-2 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
            Draft created. Send it for review when it is ready.
          </p>
        ) : null}
        {program.pending ? <p className="mt-2 text-sm">An edit is waiting for review; the live ad shows the previous version until it is approved.</p> : null}
        {program.reviewNote ? <p className="mt-2 text-sm">Reviewer’s note: {program.reviewNote}</p> : null}
      </div>
      {transitions.map(({ t, label }) => (
        <ActionForm key={t} action={changeProgramStatus.bind(null, program.id)} submitLabel={label} variant="secondary" aria-label={label}>
          <input type="hidden" name="transition" value={t} />
        </ActionForm>
      ))}
      <section aria-labelledby="edit-program">
        <h2 id="edit-program" className="text-lg font-semibold">
          Edit listing
        </h2>
        <ActionForm action={saveProgram.bind(null, program.id)} submitLabel="Save program" aria-label="Edit program">
          <ProgramFields areas={areas} campuses={campuses} program={shown} />
        </ActionForm>
      </section>
    </div>
  );
}
