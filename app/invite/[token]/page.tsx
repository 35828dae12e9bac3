import type { Metadata } from "next";
import { PageLink } from "@/components/page-link";
import { ActionForm, Field } from "@/components/school/action-form";
import { getOpenInvitation } from "@/db/queries/users";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Accept invitation", robots: { index: false }, referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = token.length <= 100 ? await getOpenInvitation(token) : null;
  if (!invite) {
    return (
      <div className="container-page max-w-xl py-10">
        <h1 className="text-2xl font-bold">This invitation cannot be used</h1>
        <p className="mt-3">It has expired or was already used. Ask the person who invited you for a new one.</p>
        <p className="mt-3">
          <PageLink href="/login">Sign in</PageLink>
        </p>
      </div>
    );
  }
  return (
    <div className="container-page max-w-xl space-y-4 py-10">
      <h1 className="text-2xl font-bold">Join {invite.schoolName ?? "CareerPath Schools"}</h1>
      <p>
        You are invited as {invite.role === "admin" ? "an admin" : "a member"}, with the address {invite.email}.
      </p>
      <ActionForm action={acceptInvitationAction.bind(null, token)} submitLabel="Accept invitation" aria-label="Accept invitation">
        <Field name="name" label="Your name" autoComplete="name" required />
        <Field
          name="password"
          label="Password (optional)"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. Leave empty to sign in with an email link instead."
        />
      </ActionForm>
    </div>
  );
}
