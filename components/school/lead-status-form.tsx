"use client";

import { ActionForm, Field, SelectField } from "./action-form";
import type { FormState } from "@/lib/action-state";
import { LEAD_STATUSES, LEAD_STATUS_LABELS } from "@/lib/validations/school";

export function LeadStatusForm({ action, status }: { action: (s: FormState, f: FormData) => Promise<FormState>; status: string }) {
  return (
    <ActionForm action={action} submitLabel="Save status" aria-label="Lead status">
      <SelectField name="status" label="Status" defaultValue={status} options={LEAD_STATUSES.map((s) => ({ value: s, label: LEAD_STATUS_LABELS[s] }))} />
      <Field name="closedReason" label="Reason for closing" hint="Needed when the status is Closed." />
      <Field name="note" label="Note" multiline />
    </ActionForm>
  );
}
