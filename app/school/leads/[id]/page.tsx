import Link from "next/link";
import { notFound } from "next/navigation";
import { LeadStatusForm } from "@/components/school/lead-status-form";
import { recordAudit } from "@/db/queries/audit";
import { getLeadDetail } from "@/db/queries/portal-leads";
import { pageScope, recordOutOfScope } from "@/lib/authz";
import { LEAD_STATUS_LABELS } from "@/lib/validations/school";
import { saveLeadStatus } from "../../actions";

export const metadata = { title: "Lead" };

const utc = (d: Date | null | undefined) => (d ? `${d.toISOString().slice(0, 19).replace("T", " ")} UTC` : "—");

export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await pageScope("member");
  const { id } = await params;
  const lead = await getLeadDetail(scope, id);
  if (!lead) {
    await recordOutOfScope(scope, "lead", id.slice(0, 40));
    notFound();
  }
  await recordAudit({ action: "lead.viewed", actorUserId: scope.userId, schoolId: scope.schoolId, subjectType: "lead", subjectId: lead.id });
  const r = lead.request;
  const name = `${r.firstName} ${r.lastName}`.trim() || "(details deleted at the student's request)";
  return (
    <div className="space-y-8">
      <div>
        <p>
          <Link href="/school/leads">All leads</Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold">{name}</h1>
        <p className="text-sm text-muted">
          {lead.programTitle} · {lead.campusName ?? "Online"} · received {utc(lead.createdAt)} · status {LEAD_STATUS_LABELS[lead.status]}
          {lead.closedReason ? ` (${lead.closedReason})` : ""}
        </p>
        {lead.duplicateOfId ? <p className="text-sm">This person asked your school before within the duplicate window.</p> : null}
      </div>
      <section aria-labelledby="contact">
        <h2 id="contact" className="text-lg font-semibold">Contact and background</h2>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Email</dt>
          <dd>{r.email}</dd>
          <dt className="font-medium">Phone</dt>
          <dd>{r.phoneE164}</dd>
          <dt className="font-medium">ZIP</dt>
          <dd>
            {r.zip}
            {r.city ? ` (${r.city}, ${r.state})` : ""}
          </dd>
          <dt className="font-medium">Education</dt>
          <dd>{r.educationLevel}</dd>
          <dt className="font-medium">Wants to start</dt>
          <dd>{r.desiredStart}</dd>
          {r.withdrawnAt ? (
            <>
              <dt className="font-medium">Consent withdrawn</dt>
              <dd>{utc(r.withdrawnAt)}: do not contact.</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="status">
        <h2 id="status" className="text-lg font-semibold">Status</h2>
        <div className="mt-2 max-w-md">
          <LeadStatusForm action={saveLeadStatus.bind(null, lead.id)} status={lead.status} />
        </div>
        <h3 className="mt-6 font-semibold">History</h3>
        {lead.history.length === 0 ? (
          <p className="text-sm">No changes yet.</p>
        ) : (
          <ol className="mt-2 space-y-2 text-sm">
            {lead.history.map((e) => (
              <li key={e.id}>
                {utc(e.createdAt)} · {e.actor ?? "system"} ·{" "}
                {e.toStatus ? `${e.fromStatus ? LEAD_STATUS_LABELS[e.fromStatus] : "—"} → ${LEAD_STATUS_LABELS[e.toStatus]}` : e.kind}
                {e.note ? <p className="whitespace-pre-line text-muted">{e.note}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="consent">
        <h2 id="consent" className="text-lg font-semibold">Consent record</h2>
        {lead.consent ? (
          <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium">Agreed at</dt>
            <dd>{utc(lead.consent.consentedAt)}</dd>
            <dt className="font-medium">Text version</dt>
            <dd>{lead.consent.textVersion}</dd>
            <dt className="font-medium">Text shown</dt>
            <dd>{lead.consent.text}</dd>
            <dt className="font-medium">Schools named</dt>
            <dd>{lead.consent.schoolNames.join(", ")}</dd>
            <dt className="font-medium">Page</dt>
            <dd>{lead.consent.pageUrl ?? "—"}</dd>
            <dt className="font-medium">IP address</dt>
            <dd>{lead.consent.ipAddress ?? "—"}</dd>
            <dt className="font-medium">Withdrawn</dt>
            <dd>{lead.consent.withdrawnAt ? utc(lead.consent.withdrawnAt) : "No"}</dd>
          </dl>
        ) : (
          <p className="text-sm">No consent record found.</p>
        )}
      </section>
      <section aria-labelledby="deliveries">
        <h2 id="deliveries" className="text-lg font-semibold">Delivery log</h2>
        {lead.deliveries.length === 0 ? (
          <p className="text-sm">No emails for this lead yet.</p>
        ) : (
          <table className="mt-2 w-full text-left text-sm">
            <caption className="sr-only">Emails sent about this lead</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1">Queued</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Sent</th>
              </tr>
            </thead>
            <tbody>
              {lead.deliveries.map((d) => (
                <tr key={d.id} className="border-b border-slate-100">
                  <td className="py-1">{utc(d.createdAt)}</td>
                  <td>{d.to.join(", ")}</td>
                  <td>
                    {d.status}
                    {d.lastError ? ` (${d.lastError})` : ""}
                  </td>
                  <td>{d.attempts}</td>
                  <td>{utc(d.sentAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
