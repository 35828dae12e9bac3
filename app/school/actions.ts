"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import zipcodes from "zipcodes";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { createCampus, deleteCampus, getSchoolSummary, removeSchoolMember, updateCampus, updateSchoolProfile } from "@/db/queries/portal";
import { createProgram, transitionProgram, updateProgram } from "@/db/queries/portal-programs";
import { updateLeadStatus } from "@/db/queries/portal-leads";
import { sendInvitation } from "@/lib/auth/invitations";
import { done, failed, refuseCrossSiteAction, schoolAction, type FormState } from "@/lib/action";
import { ACTIVE_SCHOOL_COOKIE, currentUser, getSchoolScope, recordOutOfScope } from "@/lib/authz";
import { writeLeadFilters } from "@/lib/auth/lead-filters";
import { campusSchema, inviteSchema, leadFilterSchema, leadStatusSchema, LOGO_MAX_BYTES, schoolProfileSchema, sniffImageType } from "@/lib/validations/school";
import { programSchema } from "@/lib/validations/program";
import { cookieOptions } from "@/lib/request-origin";

const idSchema = z.coerce.number().int().positive();

/** Switches the active school: only to one the user belongs to (any school, for an operator). */
export async function switchSchool(form: FormData) {
  if (await refuseCrossSiteAction()) redirect("/school");
  const user = await currentUser();
  if (!user) redirect("/login");
  const id = idSchema.safeParse(form.get("schoolId"));
  const allowed =
    id.success && (user.role === "operator" ? Boolean(await getSchoolSummary(id.data)) : user.memberships.some((m) => m.schoolId === id.data));
  if (!allowed || !id.success) {
    await recordAudit({ action: "authz.denied", actorUserId: user.id, metadata: { reason: "switch to a school not theirs" } });
    redirect("/school");
  }
  (await cookies()).set(ACTIVE_SCHOOL_COOKIE, String(id.data), cookieOptions(await headers()));
  redirect("/school");
}

/* -------------------------------------------------------------- profile */

export async function saveProfile(_prev: FormState, form: FormData): Promise<FormState> {
  const input = { name: form.get("name"), description: form.get("description") ?? "", website: form.get("website") };
  return schoolAction("admin", schoolProfileSchema, input, form, async (scope, data) => {
    let logoUrl: string | undefined;
    const logo = form.get("logo");
    if (logo instanceof File && logo.size > 0) {
      if (logo.size > LOGO_MAX_BYTES) return failed("Please correct the highlighted fields.", { logo: "The logo must be 200 KB or smaller." });
      const bytes = new Uint8Array(await logo.arrayBuffer());
      const type = sniffImageType(bytes);
      if (!type) return failed("Please correct the highlighted fields.", { logo: "Use a PNG, JPEG or WebP image." });
      logoUrl = `data:${type};base64,${Buffer.from(bytes).toString("base64")}`;
    }
    await updateSchoolProfile(scope, { ...data, ...(logoUrl ? { logoUrl } : {}) });
    await recordAudit({ action: "school.profile_updated", actorUserId: scope.userId, schoolId: scope.schoolId, metadata: { logo: Boolean(logoUrl) } });
    revalidatePath("/school", "layout");
    return done("Profile saved.");
  });
}

/* ------------------------------------------------------------- campuses */

function campusInput(form: FormData) {
  return { name: form.get("name"), address: form.get("address"), city: form.get("city"), state: form.get("state"), zip: form.get("zip") };
}

function locate(zip: string) {
  const match = zipcodes.lookup(zip);
  return match ? { latitude: match.latitude, longitude: match.longitude } : null;
}

export async function addCampus(_prev: FormState, form: FormData): Promise<FormState> {
  return schoolAction("admin", campusSchema, campusInput(form), form, async (scope, data) => {
    const where = locate(data.zip);
    if (!where) return failed("Please correct the highlighted fields.", { zip: "We do not know that ZIP code." });
    const id = await createCampus(scope, { ...data, ...where });
    await recordAudit({ action: "campus.created", actorUserId: scope.userId, schoolId: scope.schoolId, subjectType: "campus", subjectId: id });
    revalidatePath("/school/campuses");
    return { ok: true, fieldErrors: {}, message: `Campus “${data.name}” added.`, values: { name: "", address: "", city: "", state: "", zip: "" } };
  });
}

export async function saveCampus(campusId: number, _prev: FormState, form: FormData): Promise<FormState> {
  return schoolAction("admin", campusSchema, campusInput(form), form, async (scope, data) => {
    const where = locate(data.zip);
    if (!where) return failed("Please correct the highlighted fields.", { zip: "We do not know that ZIP code." });
    if (!(await updateCampus(scope, campusId, { ...data, ...where }))) {
      await recordOutOfScope(scope, "campus", campusId);
      return failed("That campus was not found.");
    }
    await recordAudit({ action: "campus.updated", actorUserId: scope.userId, schoolId: scope.schoolId, subjectType: "campus", subjectId: campusId });
    revalidatePath("/school/campuses");
    return done("Campus saved.");
  });
}

export async function removeCampus(campusId: number, _prev: FormState, form: FormData): Promise<FormState> {
  return schoolAction("admin", z.object({}), {}, form, async (scope) => {
    const result = await deleteCampus(scope, campusId);
    if (result === "not_found") {
      await recordOutOfScope(scope, "campus", campusId);
      return failed("That campus was not found.");
    }
    if (result === "in_use") return failed("A program is offered at this campus. Remove the campus from its programs first.");
    if (result === "in_pending_edit") return failed("A program edit waiting for review names this campus. Wait for the review, or save the program again without it, first.");
    if (result === "has_recipients") return failed("Lead emails for this campus go to addresses on your lead recipients list. Remove them from the list first.");
    await recordAudit({ action: "campus.deleted", actorUserId: scope.userId, schoolId: scope.schoolId, subjectType: "campus", subjectId: campusId });
    redirect("/school/campuses?removed=1");
  });
}

/* ------------------------------------------------------------- programs */

function programInput(form: FormData) {
  return {
    title: form.get("title"),
    programAreaId: form.get("programAreaId"),
    credentialLevel: form.get("credentialLevel"),
    delivery: form.get("delivery"),
    lengthMonths: form.get("lengthMonths"),
    description: form.get("description") ?? "",
    highlights: form.get("highlights") ?? "",
    websiteUrl: form.get("websiteUrl"),
    campusIds: form.getAll("campusIds"),
    dailyLeadCap: form.get("dailyLeadCap") ?? "",
    monthlyLeadCap: form.get("monthlyLeadCap") ?? "",
  };
}

export async function addProgram(_prev: FormState, form: FormData): Promise<FormState> {
  return schoolAction("admin", programSchema, programInput(form), form, async (scope, data) => {
    const result = await createProgram(scope, data);
    if (!result.ok) return failed("Please correct the highlighted fields.", { campusIds: "Choose campuses of your school." });
    await recordAudit({ action: "program.created", actorUserId: scope.userId, schoolId: scope.schoolId, subjectType: "program", subjectId: result.id });
    redirect(`/school/programs/${result.id}?created=1`);
  });
}

export async function saveProgram(programId: number, _prev: FormState, form: FormData): Promise<FormState> {
  return schoolAction("admin", programSchema, programInput(form), form, async (scope, data) => {
    const result = await updateProgram(scope, programId, data);
    if (!result.ok) {
      if (result.reason === "bad_campus") return failed("Please correct the highlighted fields.", { campusIds: "Choose campuses of your school." });
      await recordOutOfScope(scope, "program", programId);
      return failed("That program was not found.");
    }
    await recordAudit({ action: "program.updated", actorUserId: scope.userId, schoolId: scope.schoolId, subjectType: "program", subjectId: programId, metadata: { live: result.live } });
    revalidatePath(`/school/programs/${programId}`);
    return done(result.live ? "Saved. The changes are live." : "Saved.");
  });
}

const transitionSchema = z.object({ transition: z.enum(["submit", "pause", "resume"]) });
const TRANSITION_DONE = { submit: "Sent for review.", pause: "Paused: the ad is hidden from students.", resume: "Resumed: the ad is live again." };

export async function changeProgramStatus(programId: number, _prev: FormState, form: FormData): Promise<FormState> {
  return schoolAction("admin", transitionSchema, { transition: form.get("transition") }, form, async (scope, { transition }) => {
    if (!(await transitionProgram(scope, programId, transition))) {
      await recordOutOfScope(scope, "program", programId);
      return failed("That change is not possible for this program now.");
    }
    await recordAudit({ action: `program.${transition}`, actorUserId: scope.userId, schoolId: scope.schoolId, subjectType: "program", subjectId: programId });
    revalidatePath(`/school/programs/${programId}`);
    return done(TRANSITION_DONE[transition]);
  });
}

/* ---------------------------------------------------------------- leads */

export async function saveLeadStatus(leadId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const input = { status: form.get("status"), closedReason: form.get("closedReason") ?? "", note: form.get("note") ?? "" };
  return schoolAction("member", leadStatusSchema, input, form, async (scope, data) => {
    if (!(await updateLeadStatus(scope, leadId, data))) {
      await recordOutOfScope(scope, "lead", leadId);
      return failed("That lead was not found.");
    }
    await recordAudit({ action: "lead.status_changed", actorUserId: scope.userId, schoolId: scope.schoolId, subjectType: "lead", subjectId: leadId, metadata: { status: data.status } });
    revalidatePath(`/school/leads/${leadId}`);
    return { ok: true, fieldErrors: {}, message: "Lead updated.", values: { status: data.status, closedReason: "", note: "" } };
  });
}

/* --------------------------------------------------------------- people */

export async function inviteColleague(_prev: FormState, form: FormData): Promise<FormState> {
  return schoolAction("admin", inviteSchema, { email: form.get("email"), role: form.get("role") }, form, async (scope, data) => {
    const school = await getSchoolSummary(scope.schoolId);
    if (!school) return failed("School not found.");
    await sendInvitation({ email: data.email, role: data.role, schoolId: school.id, schoolName: school.name, invitedBy: scope.userId });
    revalidatePath("/school/people");
    return { ok: true, fieldErrors: {}, message: `Invitation sent to ${data.email}.`, values: { email: "", role: data.role } };
  });
}

export async function removeMember(userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return schoolAction("admin", z.object({}), {}, form, async (scope) => {
    const result = await removeSchoolMember(scope, userId);
    if (result === "not_found") {
      await recordOutOfScope(scope, "user", userId);
      return failed("That person is not part of this school.");
    }
    if (result === "last_admin") return failed("A school needs at least one admin. Make someone else admin first.");
    await recordAudit({ action: "membership.removed", actorUserId: scope.userId, schoolId: scope.schoolId, subjectType: "user", subjectId: userId });
    revalidatePath("/school/people");
    return done("Removed from the school.");
  });
}

/* ------------------------------------------------------- lead filters */

export async function applyLeadFilters(form: FormData) {
  if (await refuseCrossSiteAction()) redirect("/school/leads");
  if (!(await getSchoolScope("member").catch(() => null))) redirect("/login");
  const parsed = leadFilterSchema.parse({
    from: form.get("from") ?? undefined,
    to: form.get("to") ?? undefined,
    program: form.get("program") ?? undefined,
    campus: form.get("campus") ?? undefined,
    status: form.get("status") || undefined,
    q: form.get("q") ?? undefined,
  });
  await writeLeadFilters(form.get("clear") ? {} : parsed);
  redirect("/school/leads");
}
