import type { Metadata } from "next";
import { ActionForm } from "@/components/school/action-form";
import { getPendingConfirmation } from "@/db/queries/portal-recipients";
import { tokenHashFromLink } from "@/lib/email/recipient-confirmation";
import { confirmLeadRecipient } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm lead emails", robots: { index: false }, referrer: "no-referrer" };

/**
 * Where a lead recipient's confirmation link leads. Opening it confirms nothing (mail scanners open
 * links too); the button does.
 */
export default async function ConfirmRecipientPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const tokenHash = tokenHashFromLink(token);
  const pending = tokenHash ? await getPendingConfirmation(tokenHash) : null;
  if (!pending) {
    return (
      <div className="container-page max-w-xl py-10">
        <h1 className="text-2xl font-bold">This link cannot be used</h1>
        <p className="mt-3">
          It has expired or was already used. If this address should receive student requests, ask your school&apos;s portal admin
          to resend the confirmation.
        </p>
      </div>
    );
  }
  return (
    <div className="container-page max-w-xl space-y-4 py-10">
      <h1 className="text-2xl font-bold">Receive {pending.schoolName}&apos;s student requests?</h1>
      <p>
        Confirm that <strong>{pending.email}</strong> should receive the requests students send to {pending.schoolName} through
        CareerPath Schools{pending.campusName ? ` for its ${pending.campusName} campus` : ""}. Each holds a student&apos;s contact
        details.
      </p>
      <ActionForm action={confirmLeadRecipient.bind(null, token)} submitLabel="Confirm this address" aria-label="Confirm this address" />
    </div>
  );
}
