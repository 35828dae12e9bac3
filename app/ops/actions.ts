"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { getSchoolSummary, setPublishWithoutReview } from "@/db/queries/portal";
import { approveProgram } from "@/db/queries/portal-programs";
import { rejectListing } from "@/db/queries/ops-review";
import { setUserDisabled } from "@/db/queries/users";
import { done, failed, operatorAction, type FormState } from "@/lib/action";
import { sendInvitation } from "@/lib/auth/invitations";
import { ACTIVE_SCHOOL_COOKIE } from "@/lib/authz";
import { inviteSchema } from "@/lib/validations/school";
import { rejectListingSchema } from "@/lib/validations/ops-review";
import { requestIp } from "@/lib/auth/request-ip";
import { cookieOptions } from "@/lib/request-origin";
import { siteOrigin } from "@/lib/env";

const id = z.coerce.number().int().positive();

export async function approveProgramAction(programId: number, _prev: FormState, form: FormData): Promise<FormState> {
  return operatorAction(z.object({}), {}, form, async (user) => {
    const program = await approveProgram(programId);
    if (!program) return failed("Nothing to approve for this program.");
    await recordAudit({
      action: "program.approved",
      actorUserId: user.id,
      schoolId: program.schoolId,
      subjectType: "program",
      subjectId: programId,
      ipAddress: requestIp(await headers()),
    });
    revalidatePath("/ops", "layout");
    return done(`Approved: “${program.title}” is live.`);
  });
}

export async function rejectProgramAction(programId: number, _prev: FormState, form: FormData): Promise<FormState> {
  return operatorAction(rejectListingSchema, { note: form.get("note") ?? "" }, form, async (user, { note }) => {
    const portalUrl = `${siteOrigin()}/school/programs/${programId}`;
    const result = await rejectListing(programId, note, { userId: user.id, ipAddress: requestIp(await headers()), portalUrl });
    if (!result) return failed("Nothing to send back for this program.");
    revalidatePath("/ops", "layout");
    return done(
      result.emailedTo > 0
        ? `Sent back: “${result.title}”. The reason was emailed to the school's admins.`
        : `Sent back: “${result.title}”. The school has no admin to email yet.`,
    );
  });
}

export async function inviteFirstAdmin(_prev: FormState, form: FormData): Promise<FormState> {
  const schema = inviteSchema.extend({ schoolId: id });
  return operatorAction(schema, { email: form.get("email"), role: "admin", schoolId: form.get("schoolId") }, form, async (user, data) => {
    const school = await getSchoolSummary(data.schoolId);
    if (!school) return failed("Please correct the highlighted fields.", { schoolId: "Choose a school." });
    await sendInvitation({ email: data.email, role: "admin", schoolId: school.id, schoolName: school.name, invitedBy: user.id });
    return { ok: true, fieldErrors: {}, message: `Invitation sent to ${data.email} for ${school.name}.`, values: { email: "", schoolId: "" } };
  });
}

export async function setUserDisabledAction(userId: string, disabled: boolean, _prev: FormState, form: FormData): Promise<FormState> {
  return operatorAction(z.object({}), {}, form, async (user) => {
    if (userId === user.id) return failed("You cannot disable yourself.");
    if (!(await setUserDisabled(userId, disabled))) return failed("User not found.");
    await recordAudit({ action: disabled ? "user.disabled" : "user.enabled", actorUserId: user.id, subjectType: "user", subjectId: userId });
    revalidatePath("/ops", "layout");
    return done(disabled ? "Disabled: their sessions have ended." : "Enabled again.");
  });
}

export async function setPublishWithoutReviewAction(schoolId: number, value: boolean, _prev: FormState, form: FormData): Promise<FormState> {
  return operatorAction(z.object({}), {}, form, async (user) => {
    if (!(await setPublishWithoutReview(schoolId, value))) return failed("School not found.");
    await recordAudit({ action: "school.publish_setting", actorUserId: user.id, schoolId, metadata: { publishWithoutReview: value } });
    revalidatePath("/ops", "layout");
    return done(value ? "Edits from this school now go live at once." : "Edits from this school now wait for review.");
  });
}

/** Opens the school portal as a given school (operators may act for any school). */
export async function openSchoolPortal(form: FormData) {
  const result = await operatorAction(z.object({ schoolId: id }), { schoolId: form.get("schoolId") }, form, async () => done(""));
  const schoolId = id.safeParse(form.get("schoolId"));
  if (!result.ok || !schoolId.success || !(await getSchoolSummary(schoolId.data))) redirect("/ops");
  (await cookies()).set(ACTIVE_SCHOOL_COOKIE, String(schoolId.data), cookieOptions(await headers()));
  redirect("/school");
}
