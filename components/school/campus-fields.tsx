"use client";

import { Field, SelectField } from "./action-form";
import { US_STATES } from "@/lib/validations/school";

type Campus = { name: string; address: string; city: string; state: string; zip: string };

export function CampusFields({ campus }: { campus?: Campus }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field name="name" label="Campus name" defaultValue={campus?.name} required />
      <Field name="address" label="Street address" defaultValue={campus?.address} required />
      <Field name="city" label="City" defaultValue={campus?.city} required />
      <SelectField name="state" label="State" defaultValue={campus?.state} placeholder="Choose a state" options={US_STATES.map((s) => ({ value: s, label: s }))} />
      <Field name="zip" label="ZIP code" defaultValue={campus?.zip} required />
    </div>
  );
}
