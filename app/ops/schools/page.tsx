import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/school/action-form";
import { GetField, GetForm, GetSelect } from "@/components/ops/get-form";
import { OpsSchoolFields } from "@/components/ops/school-fields";
import { listSchoolsForOps } from "@/db/queries/ops-schools";
import { pageOperator } from "@/lib/authz";
import { schoolSearchSchema } from "@/lib/validations/ops-schools";
import { createSchoolAction } from "./actions";

export const metadata: Metadata = { title: "Schools" };

export default async function OpsSchoolsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await pageOperator();
  const params = await searchParams;
  const filter = schoolSearchSchema.parse({ q: params.q, status: params.status });
  const schools = await listSchoolsForOps(filter);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Schools</h1>
      <GetForm label="Search schools" submitLabel="Search">
        <GetField name="q" label="Name, slug or website" type="search" value={filter.q} />
        <GetSelect
          name="status"
          label="Status"
          value={filter.status}
          options={[
            { value: "active", label: "Active" },
            { value: "suspended", label: "Suspended" },
          ]}
        />
      </GetForm>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Schools</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2">School</th>
            <th scope="col">Status</th>
            <th scope="col">Live programs</th>
            <th scope="col">Members</th>
            <th scope="col">Edits to live listings</th>
          </tr>
        </thead>
        <tbody>
          {schools.map((s) => (
            <tr key={s.id} className="border-b border-slate-100">
              <th scope="row" className="py-1 font-normal">
                <Link href={`/ops/schools/${s.id}`}>{s.name}</Link>
              </th>
              <td>{s.status === "active" ? "Active" : "Suspended"}</td>
              <td>
                {s.activePrograms} of {s.programs}
              </td>
              <td>{s.members}</td>
              <td>{s.publishWithoutReview ? "Go live at once" : "Wait for review"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {schools.length === 0 ? <p>No school matches.</p> : null}
      <section aria-labelledby="new-school" className="max-w-2xl">
        <h2 id="new-school" className="text-lg font-semibold">Add a school</h2>
        <ActionForm action={createSchoolAction} submitLabel="Create school" aria-label="Add a school">
          <OpsSchoolFields />
        </ActionForm>
      </section>
    </div>
  );
}
