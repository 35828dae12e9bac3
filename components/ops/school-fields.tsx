"use client";

import { Field } from "@/components/school/action-form";

type Values = { name?: string; website?: string; description?: string; accreditation?: string | null };

export function OpsSchoolFields({ values = {} }: { values?: Values }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field name="name" label="School name" defaultValue={values.name} required />
      <Field name="website" label="Website" type="url" defaultValue={values.website} hint="Starting with https://" required />
      <Field name="accreditation" label="Accrediting body (optional)" defaultValue={values.accreditation} />
      <div className="sm:col-span-2">
        <Field name="description" label="Description" defaultValue={values.description} multiline />
      </div>
    </div>
  );
}
