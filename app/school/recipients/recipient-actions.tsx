import { ActionForm } from "@/components/school/action-form";
import { RecipientIdField } from "@/components/school/recipient-fields";
import type { RecipientRow } from "@/db/queries/portal-recipients";
import { removeLeadRecipient, resendLeadRecipientConfirmation } from "./actions";

/** Resend confirmation (while waiting) and Remove, for one recipient. */
export function RecipientActions({ recipient }: { recipient: RecipientRow }) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      {recipient.confirmedAt ? null : (
        <ActionForm
          action={resendLeadRecipientConfirmation}
          submitLabel="Resend confirmation"
          variant="secondary"
          className="flex flex-wrap items-center gap-2"
          aria-label={`Resend confirmation to ${recipient.email}`}
        >
          <RecipientIdField id={recipient.id} />
        </ActionForm>
      )}
      <ActionForm
        action={removeLeadRecipient}
        submitLabel="Remove"
        variant="danger"
        className="flex flex-wrap items-center gap-2"
        aria-label={`Remove ${recipient.email}`}
      >
        <RecipientIdField id={recipient.id} />
      </ActionForm>
    </div>
  );
}

const dateFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export function recipientState(r: Pick<RecipientRow, "confirmedAt">) {
  return r.confirmedAt ? `Confirmed ${dateFmt.format(r.confirmedAt)}` : "Waiting for confirmation";
}

export function recipientScope(r: Pick<RecipientRow, "campusId" | "campusName">) {
  return r.campusId === null ? "Every campus" : `${r.campusName ?? "Unknown"} campus only`;
}
