"use server";

import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { recordAudit } from "@/db/queries/audit";
import { acceptInvitation } from "@/db/queries/users";
import { failed, refuseCrossSiteAction, type FormState } from "@/lib/action";
import { hashPassword } from "@/lib/auth/password";
import { acceptInvitationSchema } from "@/lib/validations/school";

export async function acceptInvitationAction(token: string, _prev: FormState, form: FormData): Promise<FormState> {
  const refused = await refuseCrossSiteAction();
  if (refused) return refused;
  const parsed = acceptInvitationSchema.safeParse({ name: form.get("name"), password: form.get("password") ?? "" });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return { ok: false, fieldErrors: errors, message: "Please correct the highlighted fields.", values: { name: String(form.get("name") ?? "") } };
  }
  const { name, password } = parsed.data;
  const accepted = await acceptInvitation(token, { name, passwordHash: password ? await hashPassword(password) : null });
  if (!accepted) return failed("This invitation has expired or was already used. Ask for a new one.");
  await recordAudit({ action: "invitation.accepted", actorUserId: accepted.userId, schoolId: accepted.schoolId });
  if (password) await signIn("password", { email: accepted.email, password, redirectTo: "/school" });
  redirect(`/login?invited=1`);
}
