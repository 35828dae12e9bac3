import type { Metadata } from "next";
import { MagicLinkForm, PasswordForm } from "@/components/auth/login-forms";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { passwordSignIn, requestMagicLink } from "./actions";

export const metadata: Metadata = { title: "Sign in for schools", robots: { index: false } };

const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  AccessDenied: "That account cannot sign in. Ask your school's admin or the CareerPath team.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const error = typeof params.error === "string" ? (ERRORS[params.error] ?? "Sign-in did not work. Please try again.") : null;
  return (
    <div className="container-page max-w-xl py-10">
      <h1 className="text-2xl font-bold">Sign in for schools</h1>
      <p className="mt-2 text-muted">For school staff and CareerPath operators. Students do not need an account.</p>
      {params.invited ? (
        <p role="status" className="mt-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
          Invitation accepted. Sign in with an email link to continue.
        </p>
      ) : null}
      {params.signedOut ? (
        <p role="status" className="mt-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
          You are signed out.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      ) : null}
      <div className="mt-6 space-y-8">
        <MagicLinkForm action={requestMagicLink} callbackUrl={callbackUrl} />
        <hr className="border-slate-200" />
        <PasswordForm action={passwordSignIn} callbackUrl={callbackUrl} />
      </div>
    </div>
  );
}
