"use client";

import { Field, SelectField } from "./action-form";

export function RejectNoteField({ idPrefix }: { idPrefix?: string }) {
  return <Field name="note" label="What needs to change" idPrefix={idPrefix} />;
}

export function FirstAdminFields({ schools }: { schools: { id: number; name: string }[] }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <SelectField name="schoolId" label="School" placeholder="Choose a school" options={schools.map((s) => ({ value: String(s.id), label: s.name }))} />
      <Field name="email" label="Admin's email address" type="email" required />
    </div>
  );
}
