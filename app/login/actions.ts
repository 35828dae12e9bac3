"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/auth";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { allowMagicLinkRequest } from "@/lib/auth/magic-link-limit";
import { refuseCrossSiteAction, type FormState } from "@/lib/action";

const emailOnly = z.object({ email: z.email("Enter your email address.").max(320) });
const withPassword = emailOnly.extend({ password: z.string().min(1, "Enter your password.").max(200) });

export async function requestMagicLink(_prev: FormState, form: FormData): Promise<FormState> {
  const refused = await refuseCrossSiteAction();
  if (refused) return refused;
  const parsed = emailOnly.safeParse({ email: form.get("email") });
  if (!parsed.success) return { ok: false, fieldErrors: { email: "Enter your email address." }, message: "", values: { email: String(form.get("email") ?? "") } };
  // Over the limit: no email, and the same answer as always, so it tells nothing about the address.
  if (await allowMagicLinkRequest(parsed.data.email, await headers())) {
    await signIn("email", { email: parsed.data.email.toLowerCase(), redirect: false, redirectTo: safeCallbackUrl(form.get("callbackUrl")) });
  }
  redirect("/login/check-email");
}

/** Signing in from another site's form (login CSRF) would put the victim in the attacker's account. */
export async function passwordSignIn(_prev: FormState, form: FormData): Promise<FormState> {
  const refused = await refuseCrossSiteAction();
  if (refused) return refused;
  const input = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
  const parsed = withPassword.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { ok: false, fieldErrors: errors, message: "", values: { email: input.email } };
  }
  try {
    await signIn("password", { ...parsed.data, email: parsed.data.email.toLowerCase(), redirectTo: safeCallbackUrl(form.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof AuthError) {
      const locked = error instanceof CredentialsSignin && error.code === "locked";
      return {
        ok: false,
        fieldErrors: {},
        message: locked
          ? "Too many failed attempts. Password sign-in is locked for 15 minutes; you can still sign in with an email link."
          : "That email and password do not match an active account.",
        values: { email: input.email },
      };
    }
    throw error;
  }
  return { ok: true, fieldErrors: {}, message: "Signed in." };
}

export async function signOutAction() {
  if (await refuseCrossSiteAction()) redirect("/login");
  await signOut({ redirectTo: "/login?signedOut=1" });
}
