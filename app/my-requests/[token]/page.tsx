import type { Metadata } from "next";
import { getRequestSummary } from "@/db/queries/leads";
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
      <div className="mt-6">
        <ManageRequest token={token} withdrawn={Boolean(summary.withdrawnAt)} deleted={Boolean(summary.scrubbedAt)} />
      </div>
    </div>
  );
}
