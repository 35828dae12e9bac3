import { z } from "zod";
import { leadStatus } from "@/db/schema";

const trimmed = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

export const schoolProfileSchema = z.object({
  name: trimmed(120).min(2, "Enter the school's name."),
  description: trimmed(2000),
  website: z
    .url({ protocol: /^https?$/, message: "Enter a web address starting with https://." })
    .max(300, "Use at most 300 characters."),
});
export type SchoolProfileInput = z.infer<typeof schoolProfileSchema>;

/** Logos: PNG, JPEG or WebP (no SVG: it can carry script), up to 200 KB. */
export const LOGO_MAX_BYTES = 200 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** The image type from the file's first bytes, not from what the browser claims. */
export function sniffImageType(bytes: Uint8Array): LogoType | null {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return "image/png";
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return "image/jpeg";
  if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45 && b(10) === 0x42 && b(11) === 0x50)
    return "image/webp";
  return null;
}

export const US_STATES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
  "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
  "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
] as const;

export const campusSchema = z.object({
  name: trimmed(120).min(2, "Enter the campus name."),
  address: trimmed(200).min(3, "Enter the street address."),
  city: trimmed(100).min(2, "Enter the city."),
  state: z.enum(US_STATES, { message: "Choose a state." }),
  zip: z.string().trim().regex(/^\d{5}$/, "Enter a 5-digit ZIP code."),
});
export type CampusInput = z.infer<typeof campusSchema>;

export const inviteSchema = z.object({
  email: z.email("Enter an email address.").max(320).transform((e) => e.toLowerCase()),
  role: z.enum(["admin", "member"], { message: "Choose a role." }),
});

export const acceptInvitationSchema = z.object({
  name: trimmed(120).min(2, "Enter your name."),
  password: z.union([z.literal(""), z.string().min(12, "Use at least 12 characters, or leave it empty to sign in by email.").max(200)]),
});

export const LEAD_STATUSES = leadStatus.enumValues;
export const LEAD_STATUS_LABELS: Record<(typeof LEAD_STATUSES)[number], string> = {
  new: "New",
  contacted: "Contacted",
  appointment: "Appointment",
  applied: "Applied",
  enrolled: "Enrolled",
  closed: "Closed",
};

export const leadStatusSchema = z
  .object({
    status: z.enum(LEAD_STATUSES, { message: "Choose a status." }),
    closedReason: trimmed(200),
    note: trimmed(2000),
  })
  .refine((v) => v.status !== "closed" || v.closedReason.length > 0, { path: ["closedReason"], message: "Say why the lead is closed." });

const optionalDate = z.union([z.literal(""), z.iso.date()]).optional();
const optionalId = z.union([z.literal(""), z.coerce.number().int().positive()]).optional();

/** The leads list's filters, from the query string. Unknown or malformed values are dropped, not errors. */
export const leadFilterSchema = z.object({
  from: optionalDate.catch(undefined),
  to: optionalDate.catch(undefined),
  program: optionalId.catch(undefined),
  campus: optionalId.catch(undefined),
  status: z.enum(LEAD_STATUSES).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type LeadFilterInput = z.infer<typeof leadFilterSchema>;
