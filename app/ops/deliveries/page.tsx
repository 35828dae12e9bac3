import type { Metadata } from "next";
import Link from "next/link";
import { GetForm, GetSelect, Pager, utc } from "@/components/ops/get-form";
import { ResendForm } from "@/components/ops/resend-form";
import { listOutbox, outboxCounts } from "@/db/queries/outbox";
import { pageOperator } from "@/lib/authz";
import { DELIVERY_STATES, deliveryFilterSchema } from "@/lib/validations/ops-deliveries";
import { resendDeliveriesAction } from "./actions";

export const metadata: Metadata = { title: "Deliveries" };

const PAGE_SIZE = 50;
const STATE_LABELS = { pending: "Waiting", sending: "Sending", sent: "Sent", failed: "Failed" } as const;

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await pageOperator();
  const params = await searchParams;
  const first = (k: string) => (Array.isArray(params[k]) ? params[k][0] : params[k]);
  const filter = deliveryFilterSchema.parse({ state: first("state"), page: first("page") });
  const [{ rows, total }, counts] = await Promise.all([
    listOutbox({ status: filter.state, limit: PAGE_SIZE, offset: (filter.page - 1) * PAGE_SIZE }),
    outboxCounts(),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Deliveries</h1>
      <p className="text-sm">
        Every email in the outbox. Read one in the <Link href="/ops/mailbox">mailbox</Link>. A resent delivery keeps its idempotency key, so one
        the provider already accepted is not sent twice.
      </p>
      <dl className="flex flex-wrap gap-6 text-sm">
        {DELIVERY_STATES.map((s) => (
          <div key={s}>
            <dt className="font-medium">{STATE_LABELS[s]}</dt>
            <dd>{counts[s]}</dd>
          </div>
        ))}
      </dl>
      <GetForm label="Filter deliveries">
        <GetSelect name="state" label="State" value={filter.state} options={DELIVERY_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))} />
      </GetForm>
      <ResendForm action={resendDeliveriesAction}>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Deliveries, newest first</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2">Resend</th>
              <th scope="col">Queued (UTC)</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Kind</th>
              <th scope="col">State</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 align-top">
                <td className="py-1">
                  {r.status === "failed" ? (
                    <input type="checkbox" name="ids" value={r.id} aria-label={`Resend “${r.subject}” to ${r.toAddresses.join(", ")}`} />
                  ) : null}
                </td>
                <td>{utc(r.createdAt)}</td>
                <td>{r.toAddresses.join(", ")}</td>
                <td>
                  <Link href={`/ops/mailbox/${r.id}`}>{r.subject}</Link>
                </td>
                <td>{r.kind}</td>
                <td>{STATE_LABELS[r.status]}</td>
                <td>{r.attempts}</td>
                <td className="max-w-xs break-words">{r.lastError ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ResendForm>
      {rows.length === 0 ? <p>No deliveries.</p> : null}
      <Pager path="/ops/deliveries" params={{ state: filter.state }} page={filter.page} pageSize={PAGE_SIZE} total={total} />
    </div>
  );
}
