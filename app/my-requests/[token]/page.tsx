import type { Metadata } from "next";
import { getConsentRecord, getRequestSummary } from "@/db/queries/leads";
import { ManageRequest } from "@/components/leads/manage-request";
import { verifyLink } from "@/lib/leads/signing";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My requests", robots: { index: false } };

const dateFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

/** The student's page, reached from the signed link in the confirmation email. */
export default async function MyRequestsPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const requestId = verifyLink("my-requests", token);
  const summary = requestId ? await getRequestSummary(requestId) : null;
  if (!summary) {
    return (
      <div className="container-page max-w-3xl py-10">
        <h1 className="text-2xl font-bold text-brand-800">This link does not work</h1>
        <p className="mt-3">It may have expired or been copied incompletely. Open the link in your confirmation email again.</p>
      </div>
    );
  }
  const consent = await getConsentRecord(summary.id);
  return (
    <div className="container-page max-w-3xl py-10">
      <h1 className="text-2xl font-bold text-brand-800">Your request</h1>
      <p className="mt-2 text-muted">Sent {dateFmt.format(summary.createdAt)} UTC.</p>
      <h2 className="mt-6 text-lg font-semibold">Schools you asked</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {summary.leads.map((l) => (
          <li key={l.leadId}>
            <span className="font-medium">{l.schoolName}</span>: {l.programTitle}
            {l.campusName ? ` (${l.campusName} campus)` : ""}
            {l.duplicateOfId ? " (you had already asked this school)" : ""}
          </li>
        ))}
      </ul>
      <p className="mt-4">
        Status:{" "}
        <strong>
          {summary.scrubbedAt ? "details deleted" : summary.withdrawnAt ? "consent withdrawn" : "active: the schools may contact you"}
        </strong>
      </p>
      {consent ? (
        <section aria-labelledby="consent-heading" className="mt-6 rounded-md bg-slate-50 p-4">
          <h2 id="consent-heading" className="text-lg font-semibold">
            The consent you gave
          </h2>
          <p className="mt-2 text-sm">
            On {dateFmt.format(consent.consentedAt)} UTC you ticked a box beside this text (version {consent.textVersion}):
          </p>
          <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 text-sm">{consent.text}</blockquote>
          {consent.withdrawnAt ? <p className="mt-2 text-sm font-medium">Withdrawn on {dateFmt.format(consent.withdrawnAt)} UTC.</p> : null}
        </section>
      ) : null}
      <div className="mt-6">
        <ManageRequest token={token} withdrawn={Boolean(summary.withdrawnAt)} deleted={Boolean(summary.scrubbedAt)} />
      </div>
    </div>
  );
}
