"use client";

import { useActionState } from "react";
import { deleteMyData, withdrawMyConsent } from "@/app/actions/leads";
import { initialActionState, type ActionState } from "@/lib/action-state";

/** Withdraw consent, or delete one's details: two small forms that work without JavaScript. */
export function ManageRequest({ token, withdrawn, deleted }: { token: string; withdrawn: boolean; deleted: boolean }) {
  const [withdrawState, withdraw, withdrawing] = useActionState<ActionState>(withdrawMyConsent.bind(null, token), initialActionState);
  const [deleteState, remove, deleting] = useActionState<ActionState, FormData>(deleteMyData.bind(null, token), initialActionState);
  const isWithdrawn = withdrawn || withdrawState.ok || deleteState.ok;
  const isDeleted = deleted || deleteState.ok;
  return (
    <div className="space-y-8">
      <section aria-labelledby="withdraw-heading" className="rounded-md border border-slate-300 p-4">
        <h2 id="withdraw-heading" className="text-lg font-semibold">
          Withdraw consent
        </h2>
        {withdrawState.message ? (
          <p role="status" className="mt-2 font-medium">
            {withdrawState.message}
          </p>
        ) : null}
        {isWithdrawn ? (
          <p className="mt-2">You have withdrawn your consent. The schools have been told to stop contacting you.</p>
        ) : (
          <form action={withdraw} className="mt-2">
            <p className="text-sm">The schools will be told to stop calling, texting and emailing you about this request.</p>
            <button type="submit" disabled={withdrawing} className="mt-3 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
              Withdraw my consent
            </button>
          </form>
        )}
      </section>
      <section aria-labelledby="delete-heading" className="rounded-md border border-slate-300 p-4">
        <h2 id="delete-heading" className="text-lg font-semibold">
          Delete my details
        </h2>
        {deleteState.message ? (
          <p role={deleteState.ok ? "status" : "alert"} className="mt-2 font-medium">
            {deleteState.message}
          </p>
        ) : null}
        {isDeleted ? (
          <p className="mt-2">
            Your name, email, phone number and other details are deleted. We keep only the record of the consent you gave, as the law
            requires.
          </p>
        ) : (
          <form action={remove} className="mt-2">
            <p className="text-sm">
              We delete your name, contact details and answers, and tell the schools to stop contacting you. We keep the record of the
              consent you gave, without which we could not prove it was given.
            </p>
            <div className="mt-3 flex items-start gap-2">
              <input
                id="confirm-delete"
                type="checkbox"
                name="confirm"
                className="mt-1 h-5 w-5"
                aria-invalid={deleteState.fieldErrors.confirm ? true : undefined}
                aria-describedby={deleteState.fieldErrors.confirm ? "confirm-delete-error" : undefined}
              />
              <label htmlFor="confirm-delete">I want my details deleted</label>
            </div>
            {deleteState.fieldErrors.confirm ? (
              <p id="confirm-delete-error" className="mt-1 text-sm font-medium text-red-800">
                {deleteState.fieldErrors.confirm}
              </p>
            ) : null}
            <button type="submit" disabled={deleting} className="mt-3 rounded-md border border-red-800 px-4 py-2 font-semibold text-red-800">
              Delete my details
            </button>
          </form>
        )}
      </section>
    </div>
  );
}
