import Link from "next/link";
import { notFound } from "next/navigation";
import { getRecipient } from "@/db/queries/portal-recipients";
import { pageScope, recordOutOfScope } from "@/lib/authz";
import { RecipientActions, recipientScope, recipientState } from "../recipient-actions";

export const metadata = { title: "Lead recipient" };

export default async function RecipientPage({ params }: { params: Promise<{ id: string }> }) {
  const scope = await pageScope("admin");
  const { id } = await params;
  const recipientId = /^\d{1,9}$/.test(id) ? Number(id) : null;
  const recipient = recipientId === null ? null : await getRecipient(scope, recipientId);
  if (!recipient) {
    await recordOutOfScope(scope, "lead_recipient", id.slice(0, 40));
    notFound();
  }
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/school/recipients">All lead recipients</Link>
      </p>
      <h1 className="text-2xl font-bold">{recipient.email}</h1>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Leads for</dt>
        <dd>{recipientScope(recipient)}</dd>
        <dt className="font-medium">State</dt>
        <dd>{recipientState(recipient)}</dd>
        <dt className="font-medium">Added</dt>
        <dd>{recipient.createdAt.toISOString().slice(0, 10)}</dd>
      </dl>
      <RecipientActions recipient={recipient} />
    </div>
  );
}
