"use client";

import { Field, SelectField } from "./action-form";

/** The add-a-recipient form's fields: an address, and which campus's leads it gets. */
export function RecipientFields({ campuses }: { campuses: { id: number; name: string }[] }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field name="email" label="Email address" type="email" autoComplete="off" required />
      <SelectField
        name="campusId"
        label="Leads for"
        defaultValue=""
        options={[{ value: "", label: "Every campus (and online programs)" }, ...campuses.map((c) => ({ value: String(c.id), label: `${c.name} campus only` }))]}
      />
    </div>
  );
}

/** Which recipient a small Resend or Remove form is about. */
export function RecipientIdField({ id }: { id: number }) {
  return <input type="hidden" name="recipientId" value={id} />;
}
