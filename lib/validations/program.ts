import { z } from "zod";
import { credentialLevel, deliveryMode } from "@/db/schema";

const lines = (max: number, each: number) =>
  z
    .string()
    .max(max * (each + 2))
    .transform((s) =>
      s
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(each, `Keep each highlight under ${each} characters.`)).max(max, `List at most ${max} highlights.`));

const optionalCap = z.union([z.literal("").transform(() => null), z.coerce.number().int("Use a whole number.").min(1, "Use 1 or more, or leave empty.").max(100_000)]);

/**
 * A program listing as a school writes it. The same rules hold in the portal form, on the server,
 * and for what the directory shows.
 */
export const programSchema = z
  .object({
    title: z.string().trim().min(3, "Enter the program's title.").max(120, "Use at most 120 characters."),
    programAreaId: z.coerce.number({ message: "Choose a program area." }).int().positive("Choose a program area."),
    credentialLevel: z.enum(credentialLevel.enumValues, { message: "Choose a credential." }),
    delivery: z.enum(deliveryMode.enumValues, { message: "Choose how it is taught." }),
    lengthMonths: z.coerce.number({ message: "Enter the length in months." }).int("Use whole months.").min(1, "At least 1 month.").max(120, "At most 120 months."),
    description: z.string().trim().max(4000, "Use at most 4,000 characters."),
    highlights: lines(6, 200),
    websiteUrl: z.url({ protocol: /^https?$/, message: "Enter a web address starting with https://." }).max(500),
    campusIds: z.array(z.coerce.number().int().positive()).max(50),
    dailyLeadCap: optionalCap,
    monthlyLeadCap: optionalCap,
  })
  .refine((p) => p.delivery === "online" || p.campusIds.length > 0, {
    path: ["campusIds"],
    message: "Choose at least one campus for a program taught on campus.",
  })
  .refine((p) => p.dailyLeadCap === null || p.monthlyLeadCap === null || p.dailyLeadCap <= p.monthlyLeadCap, {
    path: ["dailyLeadCap"],
    message: "The daily cap cannot be above the monthly cap.",
  });

export type ProgramInput = z.infer<typeof programSchema>;

/** The listing fields an edit may change; an edit to an active listing waits for review with these. */
export const PROGRAM_LISTING_FIELDS = [
  "title",
  "programAreaId",
  "credentialLevel",
  "delivery",
  "lengthMonths",
  "description",
  "highlights",
  "websiteUrl",
] as const;
