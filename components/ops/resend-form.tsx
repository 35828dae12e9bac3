"use client";

import { useActionState, useEffect, useRef } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";

/** Wraps the deliveries table: one form, the ticked rows' ids, one server action. */
export function ResendForm({ action, children }: { action: (s: FormState, f: FormData) => Promise<FormState>; children: React.ReactNode }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.message) ref.current?.focus();
  }, [state]);
  const error = state.fieldErrors.ids;
  return (
    <form action={formAction} aria-label="Resend deliveries" aria-describedby={error ? "ids-error" : undefined} className="space-y-3">
      {state.message ? (
        <p ref={ref} tabIndex={-1} role={state.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}>
          {state.message}
        </p>
      ) : null}
      {error ? (
        <p id="ids-error" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      {children}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white disabled:opacity-60">
        Resend ticked deliveries
      </button>
    </form>
  );
}
