import Link from "next/link";
import { notFound } from "next/navigation";
import { getMailboxEmail } from "@/db/queries/mailbox";
import { pageOperator } from "@/lib/authz";

export const metadata = { title: "Email" };

export default async function MailboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  await pageOperator();
  const { id } = await params;
  const email = await getMailboxEmail(id);
  if (!email) notFound();
  return (
    <div className="space-y-4">
      <p>
        <Link href="/ops/mailbox">All emails</Link>
      </p>
      <h1 className="text-2xl font-bold">{email.subject}</h1>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">To</dt>
        <dd>{email.toAddresses.join(", ")}</dd>
        <dt className="font-medium">Kind</dt>
        <dd>{email.kind}</dd>
        <dt className="font-medium">Status</dt>
        <dd>
          {email.status}
          {email.lastError ? ` (${email.lastError})` : ""}
        </dd>
        <dt className="font-medium">Queued</dt>
        <dd>{email.createdAt.toISOString()}</dd>
      </dl>
      <h2 className="text-lg font-semibold">Text</h2>
      {/* The text part, shown as text: links stay visible and clickable without rendering the HTML. */}
      <pre className="whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">{email.text}</pre>
      <h2 className="text-lg font-semibold">Links</h2>
      <ul className="text-sm" aria-label="Links in this email">
        {[...email.text.matchAll(/https?:\/\/\S+/g)].map((m, i) => (
          <li key={i}>
            <a href={m[0]}>{m[0]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
