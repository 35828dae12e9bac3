"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/db/queries/audit";
import { getRetentionMonths, scrubExpiredLeadRequests, setRetentionMonths } from "@/db/queries/ops-privacy";
import { done, operatorAction, type FormState } from "@/lib/action";
import { requestIp } from "@/lib/auth/request-ip";
import { retentionSchema } from "@/lib/validations/ops-privacy";

export async function setRetentionAction(_prev: FormState, form: FormData): Promise<FormState> {
  return operatorAction(retentionSchema, { months: form.get("months") ?? "" }, form, async (user, { months }) => {
    await setRetentionMonths(months, user.id);
    await recordAudit({ action: "settings.retention_months", actorUserId: user.id, metadata: { months }, ipAddress: requestIp(await headers()) });
    revalidatePath("/ops/privacy");
    return { ok: true, fieldErrors: {}, message: `Lead requests are kept for ${months} months.`, values: { months: String(months) } };
  });
}

/** Scrubs personal fields of requests older than the retention setting (read on the server, not from the form). */
export async function scrubExpiredAction(_prev: FormState, form: FormData): Promise<FormState> {
  return operatorAction(z.object({}), {}, form, async (user) => {
    const months = await getRetentionMonths();
    const n = await scrubExpiredLeadRequests(months, { userId: user.id, ipAddress: requestIp(await headers()) });
    revalidatePath("/ops", "layout");
    return done(n === 0 ? `No lead request older than ${months} months was left to scrub.` : `Scrubbed ${n} lead ${n === 1 ? "request" : "requests"} older than ${months} months. Consent records were kept.`);
  });
}
