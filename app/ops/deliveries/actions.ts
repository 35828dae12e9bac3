"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { resendDelivery } from "@/db/queries/outbox";
import { done, failed, operatorAction, type FormState } from "@/lib/action";
import { requestIp } from "@/lib/auth/request-ip";
import { resendSchema } from "@/lib/validations/ops-deliveries";

/** Resends the ticked failed deliveries (each is audited by resendDelivery). */
export async function resendDeliveriesAction(_prev: FormState, form: FormData): Promise<FormState> {
  const ids = form.getAll("ids").filter((v): v is string => typeof v === "string");
  return operatorAction(resendSchema, { ids }, null, async (user, data) => {
    const ipAddress = requestIp(await headers());
    let resent = 0;
    for (const id of new Set(data.ids)) if (await resendDelivery(id, { userId: user.id, ipAddress })) resent++;
    revalidatePath("/ops", "layout");
    if (resent === 0) return failed("None of those deliveries had failed, so nothing was resent.");
    const skipped = new Set(data.ids).size - resent;
    return done(`Queued ${resent} ${resent === 1 ? "delivery" : "deliveries"} again.${skipped > 0 ? ` ${skipped} had not failed and were left alone.` : ""}`);
  });
}
