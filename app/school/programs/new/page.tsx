import { ActionForm } from "@/components/school/action-form";
import { ProgramFields } from "@/components/school/program-fields";
import { listCampuses } from "@/db/queries/portal";
import { listProgramAreas } from "@/db/queries/portal-programs";
import { pageScope } from "@/lib/authz";
import { addProgram } from "../../actions";

export const metadata = { title: "New program" };

export default async function NewProgramPage() {
  const scope = await pageScope("admin");
  const [areas, campuses] = await Promise.all([listProgramAreas(), listCampuses(scope)]);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">New program</h1>
      <p className="text-sm text-muted">A new program starts as a draft. Send it for review when it is ready; it goes live once approved.</p>
      <ActionForm action={addProgram} submitLabel="Create draft" aria-label="New program">
        <ProgramFields areas={areas} campuses={campuses} />
      </ActionForm>
    </div>
  );
}
