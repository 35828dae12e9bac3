"use server";

import { updateTag } from "next/cache";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { after } from "next/server";
import { deleteLeadRequest, getRequestInfoContext, getWithdrawalTargets, withdrawConsent } from "@/db/queries/leads";
import { DIRECTORY_CACHE_TAG } from "@/db/queries/programs";
import { refuseCrossSiteAction, type ActionState } from "@/lib/action";
import { safeErrorSummary } from "@/lib/log";
import { nudgeDelivery } from "@/lib/delivery/in-app";
import { renderConsentWithdrawn, siteUrl, utcStamp } from "@/lib/email/render";
import { leadFormData, type LeadFormData } from "@/lib/leads/form-data";
import { clientIp, pageUrlFrom, userAgentFrom } from "@/lib/leads/request-meta";
import { thankYouLink, verifyLink } from "@/lib/leads/signing";
import { submitLeadRequest } from "@/lib/leads/submit";
import { leadInputFromFormData } from "@/lib/validations/lead";

const TROUBLE = "Something went wrong on our side and your request was not sent. Please try again in a moment.";

/** Request Info: the same action serves the dialog (react-hook-form) and the page without JavaScript. */
export async function submitLead(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const refused = await refuseCrossSiteAction();
  if (refused) return refused;
  let requestId: string;
  try {
    const h = await headers();
    const raw = leadInputFromFormData(formData);
    const result = await submitLeadRequest(raw, { ip: clientIp(h), userAgent: userAgentFrom(h), pageUrl: pageUrlFrom(h) });
    if (!result.ok || !result.data) return result;
    requestId = result.data.requestId;
    if (!result.data.replayed) after(() => nudgeDelivery());
    // A program just reached its lead cap: its ad must say so now, not when the cached minute is up.
    if (result.data.capsReached?.length) updateTag(DIRECTORY_CACHE_TAG);
  } catch (error) {
    unstable_rethrow(error);
    console.error("submitLead failed:", safeErrorSummary(error));
    return { ok: false, fieldErrors: {}, message: TROUBLE };
  }
  redirect(thankYouLink(requestId));
}

/** The form's data for the dialog, loaded when it opens (so the form token is fresh). */
export async function loadLeadForm(slug: string): Promise<LeadFormData | null> {
  if (typeof slug !== "string" || slug.length > 200) return null;
  const context = await getRequestInfoContext({ slug });
  return context ? leadFormData(context) : null;
}

async function notices(requestId: string, now: Date) {
  const targets = await getWithdrawalTargets(requestId);
  return Promise.all(
    targets.map(async (t) => ({
      leadId: t.leadId,
      schoolId: t.schoolId,
      email: await renderConsentWithdrawn({
        schoolName: t.schoolName,
        programTitle: t.programTitle,
        withdrawnAtUtc: utcStamp(now),
        leadUrl: siteUrl(`/school/leads/${t.leadId}`),
      }),
    })),
  );
}

/** From the student's signed link: withdraw consent to be contacted. */
export async function withdrawMyConsent(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const refused = await refuseCrossSiteAction();
  if (refused) return refused;
  const requestId = verifyLink("my-requests", String(formData.get("token") ?? ""));
  if (!requestId) return { ok: false, fieldErrors: {}, message: "This link has expired or is not valid." };
  try {
    const now = new Date();
    const ip = clientIp(await headers());
    const changed = await withdrawConsent(requestId, await notices(requestId, now), { ipAddress: ip, now });
    after(() => nudgeDelivery());
    return { ok: true, fieldErrors: {}, message: changed ? "Your consent is withdrawn. We have told the schools to stop contacting you." : "Your consent was already withdrawn." };
  } catch (error) {
    unstable_rethrow(error);
    return { ok: false, fieldErrors: {}, message: TROUBLE };
  }
}

/** From the student's signed link: delete the personal details (the consent proof is kept). */
export async function deleteMyData(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const refused = await refuseCrossSiteAction();
  if (refused) return refused;
  const requestId = verifyLink("my-requests", String(formData.get("token") ?? ""));
  if (!requestId) return { ok: false, fieldErrors: {}, message: "This link has expired or is not valid." };
  if (formData.get("confirm") !== "on") {
    return { ok: false, fieldErrors: { confirm: "Tick the box to confirm that you want your details deleted" }, message: "Please confirm the deletion." };
  }
  try {
    const now = new Date();
    const ip = clientIp(await headers());
    const changed = await deleteLeadRequest(requestId, await notices(requestId, now), { ipAddress: ip, now });
    after(() => nudgeDelivery());
    return { ok: true, fieldErrors: {}, message: changed ? "Your details are deleted." : "Your details were already deleted." };
  } catch (error) {
    unstable_rethrow(error);
    return { ok: false, fieldErrors: {}, message: TROUBLE };
  }
}
