"use server";

import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { recordAudit } from "@/db/queries/audit";
import { confirmRecipient } from "@/db/queries/portal-recipients";
import type { FormState } from "@/lib/action-state";
import { requestIp } from "@/lib/auth/request-ip";
import { tokenHashFromLink } from "@/lib/email/recipient-confirmation";

const UNUSABLE = "This link has expired or was already used. Ask your school's portal admin to resend the confirmation.";

/** The recipient's click on "Confirm this address": needs only the link (no account). Works once. */
export async function confirmLeadRecipient(link: string): Promise<FormState> {
  try {
    const tokenHash = tokenHashFromLink(link);
    const confirmed = tokenHash ? await confirmRecipient(tokenHash) : null;
    if (!confirmed) return { ok: false, fieldErrors: {}, message: UNUSABLE };
    await recordAudit({
      action: "lead_recipient.confirmed",
      schoolId: confirmed.schoolId,
      subjectType: "lead_recipient",
      subjectId: confirmed.id,
      ipAddress: requestIp(await headers()),
    });
    return { ok: true, fieldErrors: {}, message: "Confirmed. This address now receives the school's new student requests." };
  } catch (error) {
    unstable_rethrow(error);
    console.error("confirmLeadRecipient failed:", error instanceof Error ? error.name : "unknown");
    return { ok: false, fieldErrors: {}, message: "Something went wrong on our side. Please try again." };
  }
}
