import type { Metadata } from "next";
import { ActionForm } from "@/components/school/action-form";
import { RejectNoteField } from "@/components/school/ops-forms";
import { utc } from "@/components/ops/get-form";
import { listReviewItems } from "@/db/queries/ops-review";
import { CREDENTIAL_LABELS, DELIVERY_LABELS } from "@/lib/format";
import { pageOperator } from "@/lib/authz";
import { approveProgramAction, rejectProgramAction } from "../actions";

export const metadata: Metadata = { title: "Listing review" };

const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  description: "Description",
  programAreaId: "Program area",
  credentialLevel: "Credential",
  delivery: "How it is taught",
  lengthMonths: "Length in months",
  highlights: "Highlights",
  websiteUrl: "Program web page",
  campusIds: "Campuses",
};

function show(value: unknown): string {
  if (Array.isArray(value)) return value.join("; ") || "–";
  if (value === null || value === undefined || value === "") return "–";
  return String(value);
}

export default async function ReviewPage() {
  await pageOperator();
  const items = await listReviewItems();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Listing review</h1>
      <p className="text-sm">
        {items.length === 0 ? "Nothing waits for review." : `${items.length} waiting, oldest first.`} Approving publishes a new listing or applies an edit;
        sending back returns a new listing to draft or drops the edit, and emails the reason to the school’s admins.
      </p>
      <ul className="space-y-6">
        {items.map((p) => {
          const current: Record<string, unknown> = {
            title: p.title,
            description: p.description,
            credentialLevel: CREDENTIAL_LABELS[p.credentialLevel],
            delivery: DELIVERY_LABELS[p.delivery],
            lengthMonths: p.lengthMonths,
            highlights: p.highlights,
            websiteUrl: p.websiteUrl,
          };
          const changes = Object.entries(p.pendingChanges ?? {}).filter(([k, v]) => {
            const now = p[k as keyof typeof p];
            return JSON.stringify(now) !== JSON.stringify(v);
          });
          return (
            <li key={p.id}>
              <article aria-labelledby={`review-${p.id}`} className="rounded-lg border border-slate-200 p-4">
                <h2 id={`review-${p.id}`} className="text-lg font-semibold">
                  {p.title}
                </h2>
                <p className="text-sm text-muted">
                  {p.schoolName} · {p.areaName} · {p.status === "in_review" ? "New listing" : "Edit to a live listing"} · waiting since {utc(p.updatedAt)} UTC
                </p>
                {p.status === "in_review" ? (
                  <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
                    {Object.entries(current).map(([k, v]) => (
                      <div key={k} className="contents">
                        <dt className="font-medium">{FIELD_LABELS[k]}</dt>
                        <dd>{show(v)}</dd>
                      </div>
                    ))}
                  </dl>
                ) : (
                  <table className="mt-3 w-full text-left text-sm">
                    <caption className="sr-only">Proposed changes to {p.title}</caption>
                    <thead>
                      <tr className="border-b border-slate-300">
                        <th scope="col" className="py-1">Field</th>
                        <th scope="col">Now</th>
                        <th scope="col">Proposed</th>
                      </tr>
                    </thead>
                    <tbody>
                      {changes.length === 0 ? (
                        <tr>
                          <td colSpan={3} className="py-1">
                            No visible change (lead caps and campus links only).
                          </td>
                        </tr>
                      ) : null}
                      {changes.map(([k, v]) => (
                        <tr key={k} className="border-b border-slate-100 align-top">
                          <th scope="row" className="py-1 font-medium">{FIELD_LABELS[k] ?? k}</th>
                          <td>{k === "campusIds" ? "(current campuses)" : show(p[k as keyof typeof p])}</td>
                          <td>{show(v)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                <div className="mt-3 flex flex-wrap items-start gap-6">
                  <ActionForm action={approveProgramAction.bind(null, p.id)} submitLabel="Approve" aria-label={`Approve ${p.title}, ${p.schoolName}`} />
                  <ActionForm action={rejectProgramAction.bind(null, p.id)} submitLabel="Send back" variant="secondary" aria-label={`Send back ${p.title}, ${p.schoolName}`}>
                    <RejectNoteField idPrefix={`review-${p.id}`} />
                  </ActionForm>
                </div>
              </article>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
