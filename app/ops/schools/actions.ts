"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { recordAudit } from "@/db/queries/audit";
import { createSchool, setSchoolStatus, setSponsoredRank, updateSchool } from "@/db/queries/ops-schools";
import { done, failed, operatorAction, type FormState } from "@/lib/action";
import { requestIp } from "@/lib/auth/request-ip";
import { opsSchoolSchema, schoolStatusSchema, sponsoredRankSchema } from "@/lib/validations/ops-schools";

const fields = (form: FormData) => ({
  name: form.get("name") ?? "",
  website: form.get("website") ?? "",
  description: form.get("description") ?? "",
  accreditation: form.get("accreditation") ?? "",
});

export async function createSchoolAction(_prev: FormState, form: FormData): Promise<FormState> {
  let created: number | null = null;
  const result = await operatorAction(opsSchoolSchema, fields(form), form, async (user, data) => {
    const school = await createSchool(data);
    await recordAudit({
      action: "school.created",
      actorUserId: user.id,
      schoolId: school.id,
      subjectType: "school",
      subjectId: school.id,
      metadata: { slug: school.slug },
      ipAddress: requestIp(await headers()),
    });
    created = school.id;
    return done("School created.");
  });
  if (created !== null) {
    revalidatePath("/ops/schools");
    redirect(`/ops/schools/${created}?created=1`);
  }
  return result;
}

export async function updateSchoolAction(schoolId: number, _prev: FormState, form: FormData): Promise<FormState> {
  return operatorAction(opsSchoolSchema, fields(form), form, async (user, data) => {
    const changed = await updateSchool(schoolId, data);
    if (changed === null) return failed("School not found.");
    if (changed.length > 0) {
      await recordAudit({
        action: "school.updated",
        actorUserId: user.id,
        schoolId,
        subjectType: "school",
        subjectId: schoolId,
        metadata: { fields: changed },
        ipAddress: requestIp(await headers()),
      });
    }
    revalidatePath(`/ops/schools/${schoolId}`);
    return { ok: true, fieldErrors: {}, message: changed.length > 0 ? "Saved." : "Nothing changed." };
  });
}

/** Suspend or reactivate: a suspended school's ads leave the directory at once; its leads are kept. */
export async function setSchoolStatusAction(schoolId: number, status: string, _prev: FormState, form: FormData): Promise<FormState> {
  return operatorAction(schoolStatusSchema, { status }, form, async (user, data) => {
    if (!(await setSchoolStatus(schoolId, data.status))) return failed("School not found, or it already has that status.");
    await recordAudit({
      action: data.status === "suspended" ? "school.suspended" : "school.reactivated",
      actorUserId: user.id,
      schoolId,
      subjectType: "school",
      subjectId: schoolId,
      ipAddress: requestIp(await headers()),
    });
    revalidatePath(`/ops/schools/${schoolId}`);
    revalidatePath("/", "layout");
    return done(data.status === "suspended" ? "Suspended: its listings are no longer shown to students." : "Reactivated: its live listings are shown again.");
  });
}

/** Paid placement of one of the school's programs: sponsored ads are labelled and listed first. */
export async function setSponsoredRankAction(schoolId: number, programId: number, _prev: FormState, form: FormData): Promise<FormState> {
  return operatorAction(sponsoredRankSchema, { rank: form.get("rank") ?? "" }, form, async (user, { rank }) => {
    const result = await setSponsoredRank(schoolId, programId, rank);
    if (!result) return failed("Program not found.");
    if (result.before !== rank) {
      await recordAudit({
        action: "program.sponsorship",
        actorUserId: user.id,
        schoolId,
        subjectType: "program",
        subjectId: programId,
        metadata: { from: result.before, to: rank },
        ipAddress: requestIp(await headers()),
      });
    }
    revalidatePath(`/ops/schools/${schoolId}`);
    revalidatePath("/", "layout");
    return {
      ok: true,
      fieldErrors: {},
      message: rank === null ? `“${result.title}” is not sponsored.` : `“${result.title}” is sponsored at rank ${rank}.`,
      values: { rank: rank === null ? "" : String(rank) },
    };
  });
}
