import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { z } from "zod";
import { DESIRED_STARTS, EDUCATION_LEVELS, MILITARY_AFFILIATIONS } from "@/lib/leads/options";

/**
 * The Request Info form: one schema for the browser (react-hook-form's zodResolver) and the server
 * action (safeParse). `leadFormSchema(context)` adds the rules that depend on the program shown
 * (its campuses, the suggested programs); the browser builds it from the same data the server reads.
 */

const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;
// Control characters, bidi overrides and other invisible formatting characters never belong in a field.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

const clean = (v: unknown) => (typeof v === "string" ? v.replace(INVISIBLE, "").trim() : v);
const emptyToUndefined = (v: unknown) => {
  const c = clean(v);
  return c === "" || c === null || c === false ? undefined : c;
};

const personName = (which: string) =>
  z.preprocess(
    clean,
    z
      .string({ error: `Enter your ${which} name` })
      .min(1, `Enter your ${which} name`)
      .max(50, `Your ${which} name can be at most 50 characters`)
      .regex(NAME, `Use letters, spaces, apostrophes, hyphens or periods in your ${which} name`),
  );

const choice = <T extends readonly { value: string }[]>(options: T, message: string) =>
  z.preprocess(clean, z.enum(options.map((o) => o.value) as [T[number]["value"], ...T[number]["value"][]], { error: message }));

/** A US phone number, returned in E.164 (+12135550123). */
export const usPhone = z.preprocess(
  clean,
  z
    .string({ error: "Enter your phone number" })
    .min(1, "Enter your phone number")
    .max(40, "Enter a 10-digit US phone number")
    .transform((value, ctx) => {
      const parsed = parsePhoneNumberFromString(value, "US");
      if (!parsed || parsed.country !== "US" || !parsed.isValid()) {
        ctx.addIssue({ code: "custom", message: "Enter a valid 10-digit US phone number" });
        return z.NEVER;
      }
      return parsed.number;
    }),
);

/** Five-digit ZIP (ZIP+4 accepted and shortened). Whether it exists is checked on the server. */
export const usZip = z.preprocess(
  clean,
  z
    .string({ error: "Enter your ZIP code" })
    .min(1, "Enter your ZIP code")
    .regex(/^\d{5}(-\d{4})?$/, "Enter a 5-digit ZIP code")
    .transform((v) => v.slice(0, 5)),
);

const id = z.coerce.number<unknown>().int().positive().max(2_147_483_647);

/** Attribution travels with the lead; junk in it never blocks a student, so it is trimmed, not refused. */
const attributionValue = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(INVISIBLE, "").trim().slice(0, 500) : undefined),
  z.string().optional(),
);

export const ATTRIBUTION_KEYS = [
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
  "gclid",
  "fbclid",
  "msclkid",
  "referrer",
  "landing_page",
] as const;
export type AttributionKey = (typeof ATTRIBUTION_KEYS)[number];

const currentYear = () => new Date().getUTCFullYear();

export const leadBaseSchema = z.object({
  firstName: personName("first"),
  lastName: personName("last"),
  email: z.preprocess(
    (v) => (typeof v === "string" ? (clean(v) as string).toLowerCase() : v),
    z
      .string({ error: "Enter your email address" })
      .min(1, "Enter your email address")
      .max(254, "Your email address is too long")
      .pipe(z.email({ error: "Enter an email address like name@example.com" })),
  ),
  phone: usPhone,
  zip: usZip,
  educationLevel: choice(EDUCATION_LEVELS, "Choose the highest education you have completed"),
  desiredStart: choice(DESIRED_STARTS, "Choose when you would like to start"),
  programId: z.preprocess(clean, id),
  campusId: z.preprocess(emptyToUndefined, id.optional()),
  hsGradYear: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number<unknown>({ error: "Enter a four-digit year" })
      .int("Enter a four-digit year")
      .min(1940, "Enter a year from 1940 on")
      .refine((y) => y <= currentYear() + 6, "Enter a year no later than six years from now")
      .optional(),
  ),
  militaryAffiliation: z.preprocess(
    emptyToUndefined,
    z.enum(MILITARY_AFFILIATIONS.map((o) => o.value) as [string, ...string[]], { error: "Choose an option from the list" }).optional(),
  ),
  consent: z.preprocess(
    (v) => v === true || v === "on" || v === "true",
    z.literal(true, { error: "Tick the box to agree to be contacted; we cannot send your request without it" }),
  ),
  alsoProgramIds: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v !== "" ? [v] : []),
    z.array(id).max(5, "Choose at most five other programs"),
  ),
  /** The schools the consent text named when the box was ticked ("12,40"): it must match what is sent. */
  consentSchoolIds: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  idempotencyKey: z.preprocess(clean, z.uuid({ error: "This form has expired; reload the page" })),
  formToken: z.preprocess(clean, z.string().max(200).default("")),
  /** Honeypot: hidden from people, filled by naive bots. */
  website: z.preprocess(clean, z.string().max(2000).default("")),
  attribution: z.preprocess((v) => (v && typeof v === "object" ? v : {}), z.object(
    Object.fromEntries(ATTRIBUTION_KEYS.map((k) => [k, attributionValue])) as Record<AttributionKey, typeof attributionValue>,
  )),
});

export type LeadFormContext = {
  /** The program's campuses; a choice is required when there are several. */
  campusIds: number[];
  /** Programs offered as "also send my request to"; nothing else may be chosen. */
  suggestionIds: number[];
};

export function leadFormSchema(context: LeadFormContext) {
  return leadBaseSchema.superRefine((value, ctx) => {
    if (context.campusIds.length > 1 && value.campusId === undefined) {
      ctx.addIssue({ code: "custom", path: ["campusId"], message: "Choose the campus you are interested in" });
    }
    if (value.campusId !== undefined && !context.campusIds.includes(value.campusId)) {
      ctx.addIssue({ code: "custom", path: ["campusId"], message: "Choose a campus from the list" });
    }
    if (value.alsoProgramIds.some((p) => !context.suggestionIds.includes(p))) {
      ctx.addIssue({ code: "custom", path: ["alsoProgramIds"], message: "Choose programs from the list" });
    }
  });
}

/** What the form sends, before parsing. */
export type LeadFormInput = z.input<typeof leadBaseSchema>;
/** What the server stores, after parsing. */
export type LeadInput = z.output<typeof leadBaseSchema>;

/** The fields a person fills in, in form order: field errors map onto these names. */
export const LEAD_FIELDS = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "zip",
  "educationLevel",
  "desiredStart",
  "campusId",
  "hsGradYear",
  "militaryAffiliation",
  "alsoProgramIds",
  "consent",
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

/** Reads the form as posted (with or without JavaScript) into the shape the schema expects. */
export function leadInputFromFormData(form: FormData): Record<string, unknown> {
  const one = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const attribution: Record<string, string | undefined> = {};
  for (const k of ATTRIBUTION_KEYS) attribution[k] = one(k);
  return {
    firstName: one("firstName"),
    lastName: one("lastName"),
    email: one("email"),
    phone: one("phone"),
    zip: one("zip"),
    educationLevel: one("educationLevel"),
    desiredStart: one("desiredStart"),
    programId: one("programId"),
    campusId: one("campusId"),
    hsGradYear: one("hsGradYear"),
    militaryAffiliation: one("militaryAffiliation"),
    consent: one("consent"),
    alsoProgramIds: form.getAll("alsoProgramIds").filter((v): v is string => typeof v === "string"),
    consentSchoolIds: one("consentSchoolIds"),
    idempotencyKey: one("idempotencyKey"),
    formToken: one("formToken"),
    website: one("website"),
    attribution,
  };
}
