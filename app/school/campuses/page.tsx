import Link from "next/link";
import { ActionForm } from "@/components/school/action-form";
import { CampusFields } from "@/components/school/campus-fields";
import { listCampuses } from "@/db/queries/portal";
import { pageScope } from "@/lib/authz";
import { addCampus } from "../actions";

export const metadata = { title: "Campuses" };

export default async function CampusesPage({ searchParams }: { searchParams: Promise<{ removed?: string }> }) {
  const scope = await pageScope("admin");
  const [rows, params] = await Promise.all([listCampuses(scope), searchParams]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Campuses</h1>
      {params.removed ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
          Campus removed.
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>No campuses yet. Online-only programs need none.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Campuses</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2">Campus</th>
              <th scope="col">Address</th>
              <th scope="col">Programs offered</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id} className="border-b border-slate-100">
                <td className="py-2">
                  <Link href={`/school/campuses/${c.id}`}>{c.name}</Link>
                </td>
                <td>
                  {c.address}, {c.city}, {c.state} {c.zip}
                </td>
                <td>{c.programCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="add-campus" className="max-w-2xl">
        <h2 id="add-campus" className="text-lg font-semibold">
          Add a campus
        </h2>
        <ActionForm action={addCampus} submitLabel="Add campus" aria-label="Add a campus">
          <CampusFields />
        </ActionForm>
      </section>
    </div>
  );
}
