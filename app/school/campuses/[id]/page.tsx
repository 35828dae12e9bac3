import { notFound } from "next/navigation";
import { ActionForm } from "@/components/school/action-form";
import { CampusFields } from "@/components/school/campus-fields";
import { getCampus } from "@/db/queries/portal";
import { pageScope, recordOutOfScope } from "@/lib/authz";
import { removeCampus, saveCampus } from "../../actions";

export const metadata = { title: "Campus" };

export default async function CampusPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await pageScope("admin");
  const { id } = await params;
  const campusId = /^\d{1,9}$/.test(id) ? Number(id) : null;
  const campus = campusId ? await getCampus(scope, campusId) : null;
  if (!campus || !campusId) {
    await recordOutOfScope(scope, "campus", id.slice(0, 40));
    notFound();
  }
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Campus: {campus.name}</h1>
      <ActionForm action={saveCampus.bind(null, campusId)} submitLabel="Save campus" aria-label="Edit campus">
        <CampusFields campus={campus} />
      </ActionForm>
      <section aria-labelledby="remove-campus">
        <h2 id="remove-campus" className="text-lg font-semibold">
          Remove this campus
        </h2>
        <p className="text-sm text-muted">Only a campus where no program is offered can be removed.</p>
        <ActionForm action={removeCampus.bind(null, campusId)} submitLabel="Remove campus" variant="danger" aria-label="Remove campus" />
      </section>
    </div>
  );
}
