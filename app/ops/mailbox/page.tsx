import Link from "next/link";
import { listMailbox } from "@/db/queries/mailbox";
import { pageOperator } from "@/lib/authz";

export const metadata = { title: "Mailbox" };

/** Every email the product has queued or sent, newest first: the local mailbox when no provider is set. */
export default async function MailboxPage() {
  await pageOperator();
  const emails = await listMailbox(200);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Mailbox</h1>
      {emails.length === 0 ? <p>No emails yet.</p> : null}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Emails, newest first</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2">Queued (UTC)</th>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {emails.map((e) => (
            <tr key={e.id} className="border-b border-slate-100">
              <td className="py-1">{e.createdAt.toISOString().slice(0, 19).replace("T", " ")}</td>
              <td>{e.to.join(", ")}</td>
              <td>
                <Link href={`/ops/mailbox/${e.id}`}>{e.subject}</Link>
              </td>
              <td>{e.kind}</td>
              <td>{e.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
