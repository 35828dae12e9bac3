"use client";

import { Field, SelectField } from "./action-form";

export function InviteFields() {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field name="email" label="Email address" type="email" required />
      <SelectField
        name="role"
        label="Role"
        defaultValue="member"
        options={[
          { value: "member", label: "Member: works leads" },
          { value: "admin", label: "Admin: also edits listings and people" },
        ]}
      />
    </div>
  );
}
