"use client";

import { Field } from "@/components/school/action-form";

export function RetentionFields({ months }: { months: number }) {
  return <Field name="months" label="Keep lead requests for (months)" type="number" defaultValue={months} hint="After that, their personal fields are scrubbed; consent records stay." />;
}
