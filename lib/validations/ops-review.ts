import { z } from "zod";

export const rejectListingSchema = z.object({
  note: z.string().trim().min(3, "Say what needs to change.").max(1000, "Use at most 1000 characters."),
});
