import { z } from "zod";

/** A lead recipient as a school admin adds it: an address, and optionally one campus of the school. */
export const recipientSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter the email address that should receive leads.")
    .max(320, "Use at most 320 characters.")
    .pipe(z.email("Enter an email address like admissions@your-school.edu.")),
  campusId: z.union([
    z.literal("").transform(() => null),
    z.coerce.number({ message: "Choose a campus of your school." }).int("Choose a campus of your school.").positive("Choose a campus of your school.").max(2 ** 31 - 1, "Choose a campus of your school."),
  ]),
});
export type RecipientInput = z.infer<typeof recipientSchema>;

/** Which recipient a Remove or Resend button is about (a hidden field: checked against the school on the server). */
export const recipientIdSchema = z.object({
  recipientId: z.coerce.number().int().positive().max(2 ** 31 - 1),
});
