"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { recordAudit } from "@/db/queries/audit";
import { getSchoolSummary } from "@/db/queries/portal";
import { addRecipient, getRecipient, getSchoolCampusName, removeRecipient, resendRecipientConfirmation } from "@/db/queries/portal-recipients";
import { done, failed, schoolAction, type FormState } from "@/lib/action";
import { recordOutOfScope } from "@/lib/authz";
import { recipientConfirmation } from "@/lib/email/recipient-confirmation";
import { nudgeDelivery } from "@/lib/delivery/in-app";
import { recipientIdSchema, recipientSchema } from "@/lib/validations/recipient";

const FIX = "Please correct the highlighted fields.";
const BAD_CAMPUS = "Choose one of your school's campuses, or all campuses.";

/** Admins only. Adds an address; it gets leads once its owner follows the link we email it. */
export async function addLeadRecipient(_prev: FormState, form: FormData): Promise<FormState> {
  const input = { email: form.get("email") ?? "", campusId: form.get("campusId") ?? "" };
  return schoolAction("admin", recipientSchema, input, form, async (scope, data) => {
    const school = await getSchoolSummary(scope.schoolId);
    if (!school) return failed("School not found.");
    const campusName = data.campusId === null ? null : await getSchoolCampusName(scope, data.campusId);
    if (data.campusId !== null && campusName === null) {
      await recordOutOfScope(scope, "campus", data.campusId);
      return failed(FIX, { campusId: BAD_CAMPUS });
    }
    const result = await addRecipient(scope, data, await recipientConfirmation({ schoolName: school.name, campusName }));
    if (!result.ok) {
      return result.reason === "duplicate"
        ? failed(FIX, { email: "This address is already on your list. Use Resend confirmation if its link was lost." })
        : failed(FIX, { campusId: BAD_CAMPUS });
    }
    await recordAudit({
      action: "lead_recipient.added",
      actorUserId: scope.userId,
      schoolId: scope.schoolId,
      subjectType: "lead_recipient",
      subjectId: result.id,
      metadata: { email: data.email, campusId: data.campusId },
    });
    after(() => nudgeDelivery());
    revalidatePath("/school/recipients");
    return {
      ok: true,
      fieldErrors: {},
      message: `Added ${data.email}. We emailed it a confirmation link; it gets leads once that link is followed.`,
      values: { email: "", campusId: "" },
    };
  });
}

export async function resendLeadRecipientConfirmation(_prev: FormState, form: FormData): Promise<FormState> {
  return schoolAction("admin", recipientIdSchema, { recipientId: form.get("recipientId") }, form, async (scope, { recipientId }) => {
    const [school, recipient] = await Promise.all([getSchoolSummary(scope.schoolId), getRecipient(scope, recipientId)]);
    if (!school || !recipient) {
      await recordOutOfScope(scope, "lead_recipient", recipientId);
      return failed("That address is not on your school's list.");
    }
    const result = await resendRecipientConfirmation(scope, recipientId, await recipientConfirmation({ schoolName: school.name, campusName: recipient.campusName }));
    if (result === "not_found") return failed("That address is not on your school's list.");
    if (result === "confirmed") return done(`${recipient.email} is already confirmed.`);
    await recordAudit({ action: "lead_recipient.confirmation_resent", actorUserId: scope.userId, schoolId: scope.schoolId, subjectType: "lead_recipient", subjectId: recipientId });
    after(() => nudgeDelivery());
    revalidatePath("/school/recipients");
    return done(`Sent a new confirmation link to ${recipient.email}. Earlier links no longer work.`);
  });
}

export async function removeLeadRecipient(_prev: FormState, form: FormData): Promise<FormState> {
  return schoolAction("admin", recipientIdSchema, { recipientId: form.get("recipientId") }, form, async (scope, { recipientId }) => {
    const removed = await removeRecipient(scope, recipientId);
    if (!removed) {
      await recordOutOfScope(scope, "lead_recipient", recipientId);
      return failed("That address is not on your school's list.");
    }
    await recordAudit({
      action: "lead_recipient.removed",
      actorUserId: scope.userId,
      schoolId: scope.schoolId,
      subjectType: "lead_recipient",
      subjectId: recipientId,
      metadata: { email: removed.email },
    });
    revalidatePath("/school/recipients");
    redirect("/school/recipients?removed=1");
  });
}
