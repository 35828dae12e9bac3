import { z } from "zod";

/** Days a deletion request may wait (CCPA/CPRA: 45 days). */
export const PRIVACY_DUE_DAYS = 45;

export const retentionSchema = z.object({
  months: z.coerce
    .number({ message: "Enter a number of months." })
    .int("Enter a whole number of months.")
    .min(1, "Keep leads at least 1 month.")
    .max(120, "Use at most 120 months."),
});

export const privacyFilterSchema = z.object({
  state: z.enum(["open", "withdrawn", "deletion_requested", "scrubbed"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
