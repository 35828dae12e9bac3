import Link from "next/link";
import { ActionForm } from "@/components/school/action-form";
import { RecipientFields } from "@/components/school/recipient-fields";
import { listCampuses } from "@/db/queries/portal";
import { listRecipients } from "@/db/queries/portal-recipients";
import { pageScope } from "@/lib/authz";
import { addLeadRecipient } from "./actions";
import { RecipientActions, recipientScope, recipientState } from "./recipient-actions";

export const metadata = { title: "Lead recipients" };

export default async function RecipientsPage({ searchParams }: { searchParams: Promise<{ removed?: string }> }) {
  const scope = await pageScope("admin");
  const [rows, campuses, params] = await Promise.all([listRecipients(scope), listCampuses(scope), searchParams]);
  const confirmed = rows.filter((r) => r.confirmedAt).length;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Lead recipients</h1>
      <p className="max-w-3xl text-sm">
        Each new lead is emailed at once to every confirmed address below that covers its campus: an address for every campus gets all
        of your school&apos;s leads, a campus address only the leads for that campus. A new address gets nothing until its owner
        follows the link we email it.
      </p>
      {params.removed ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
          Address removed: it gets no further leads.
        </p>
      ) : null}
      {confirmed === 0 ? (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
          No address is confirmed: new leads are kept in the portal but emailed to nobody.
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>No addresses yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Addresses that receive lead emails</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2">Address</th>
              <th scope="col">Leads for</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 align-top">
                <td className="py-2">
                  <Link href={`/school/recipients/${r.id}`}>{r.email}</Link>
                </td>
                <td className="py-2">{recipientScope(r)}</td>
                <td className="py-2">{recipientState(r)}</td>
                <td className="py-2">
                  <RecipientActions recipient={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="add-recipient" className="max-w-2xl">
        <h2 id="add-recipient" className="text-lg font-semibold">
          Add an address
        </h2>
        <ActionForm action={addLeadRecipient} submitLabel="Add address" aria-label="Add a lead recipient">
          <RecipientFields campuses={campuses.map((c) => ({ id: c.id, name: c.name }))} />
        </ActionForm>
      </section>
    </div>
  );
}
