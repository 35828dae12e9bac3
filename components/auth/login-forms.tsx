"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/action-state";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

function Message({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
      {state.message}
    </p>
  );
}

function EmailInput({ id, state }: { id: string; state: FormState }) {
  const error = state.fieldErrors.email;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        Email
      </label>
      <input
        id={id}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm"
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function MagicLinkForm({ action, callbackUrl }: { action: Action; callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="space-y-3" noValidate aria-labelledby="magic-heading">
      <h2 id="magic-heading" className="text-lg font-semibold">
        Email me a sign-in link
      </h2>
      <Message state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <EmailInput id="magic-email" state={state} />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800">
        Send sign-in link
      </button>
    </form>
  );
}

export function PasswordForm({ action, callbackUrl }: { action: Action; callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const error = state.fieldErrors.password;
  return (
    <form action={formAction} className="space-y-3" noValidate aria-labelledby="password-heading">
      <h2 id="password-heading" className="text-lg font-semibold">
        Sign in with a password
      </h2>
      <Message state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <EmailInput id="password-email" state={state} />
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "password-error" : undefined}
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm"
        />
        {error ? (
          <p id="password-error" className="mt-1 text-sm text-red-800">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className="rounded-md border border-brand-700 px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50">
        Sign in
      </button>
    </form>
  );
}
