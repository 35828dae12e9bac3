import type { Metadata } from "next";
import { ActionForm } from "@/components/school/action-form";
import { GetForm, GetSelect, Pager, utc } from "@/components/ops/get-form";
import { RetentionFields } from "@/components/ops/retention-fields";
import { getRetentionMonths, listPrivacyRequests, type PrivacyState } from "@/db/queries/ops-privacy";
import { pageOperator } from "@/lib/authz";
import { PRIVACY_DUE_DAYS, privacyFilterSchema } from "@/lib/validations/ops-privacy";
import { scrubExpiredAction, setRetentionAction } from "./actions";

export const metadata: Metadata = { title: "Privacy requests" };

const PAGE_SIZE = 50;
const STATE_LABELS: Record<PrivacyState, string> = {
  withdrawn: "Consent withdrawn",
  deletion_requested: "Deletion requested",
  scrubbed: "Personal data scrubbed",
};

export default async function PrivacyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await pageOperator();
  const params = await searchParams;
  const first = (k: string) => (Array.isArray(params[k]) ? params[k][0] : params[k]);
  const filter = privacyFilterSchema.parse({ state: first("state"), page: first("page") });
  const [{ rows, total }, months] = await Promise.all([
    listPrivacyRequests({ state: filter.state, limit: PAGE_SIZE, offset: (filter.page - 1) * PAGE_SIZE }),
    getRetentionMonths(),
  ]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Privacy requests</h1>
      <p className="text-sm">
        Withdrawals of consent and deletion requests made by students. A request is due {PRIVACY_DUE_DAYS} days after it was made. Names and
        contact details are not shown here.
      </p>
      <GetForm label="Filter requests">
        <GetSelect
          name="state"
          label="State"
          value={filter.state}
          options={[
            { value: "open", label: "Deletion requested, not yet scrubbed" },
            { value: "withdrawn", label: STATE_LABELS.withdrawn },
            { value: "scrubbed", label: STATE_LABELS.scrubbed },
          ]}
        />
      </GetForm>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Privacy requests, newest first</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2">Request</th>
            <th scope="col">Made (UTC)</th>
            <th scope="col">Withdrawn</th>
            <th scope="col">Deletion asked</th>
            <th scope="col">Scrubbed</th>
            <th scope="col">State</th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100">
              <td className="py-1 font-mono text-xs">{r.id.slice(0, 8)}</td>
              <td>{utc(r.createdAt)}</td>
              <td>{utc(r.withdrawnAt)}</td>
              <td>{utc(r.deletionRequestedAt)}</td>
              <td>{utc(r.scrubbedAt)}</td>
              <td>{STATE_LABELS[r.state]}</td>
              <td>
                {r.state === "scrubbed" ? "Done" : r.dueAt.toISOString().slice(0, 10)}
                {r.overdue ? <strong className="ml-1 text-red-800">Overdue</strong> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p>No requests.</p> : null}
      <Pager path="/ops/privacy" params={{ state: filter.state }} page={filter.page} pageSize={PAGE_SIZE} total={total} />

      <section aria-labelledby="retention" className="max-w-2xl space-y-4">
        <h2 id="retention" className="text-lg font-semibold">Retention</h2>
        <ActionForm action={setRetentionAction} submitLabel="Save retention" aria-label="Retention setting">
          <RetentionFields months={months} />
        </ActionForm>
        <ActionForm action={scrubExpiredAction} submitLabel={`Scrub requests older than ${months} months`} variant="danger" aria-label="Scrub old lead requests">
          <p className="text-sm">Removes names, contact details and answers from lead requests made more than {months} months ago. Leads, their statuses and consent records stay.</p>
        </ActionForm>
      </section>
    </div>
  );
}
