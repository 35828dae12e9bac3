"use client";

import { Field } from "@/components/school/action-form";

export function InviteAdminFields({ schoolId }: { schoolId: number }) {
  return (
    <>
      <input type="hidden" name="schoolId" value={schoolId} />
      <Field name="email" label="Admin's email address" type="email" required />
    </>
  );
}
