import { z } from "zod";
import { outboxStatus } from "@/db/schema";

export const DELIVERY_STATES = outboxStatus.enumValues;

export const deliveryFilterSchema = z.object({
  state: z.enum(DELIVERY_STATES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export const resendSchema = z.object({
  ids: z
    .array(z.uuid("Choose deliveries from the list."))
    .min(1, "Tick at least one failed delivery.")
    .max(200, "Resend at most 200 at a time."),
});
