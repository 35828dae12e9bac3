import { z } from "zod";

const trimmed = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

/** An operator's create/edit form for a school. */
export const opsSchoolSchema = z.object({
  name: trimmed(120).min(2, "Enter the school's name."),
  website: z
    .url({ protocol: /^https?$/, message: "Enter a web address starting with https://." })
    .max(300, "Use at most 300 characters."),
  description: trimmed(2000),
  accreditation: trimmed(200).transform((v) => (v === "" ? null : v)),
});
export type OpsSchoolInput = z.infer<typeof opsSchoolSchema>;

export const schoolStatusSchema = z.object({ status: z.enum(["active", "suspended"], { message: "Choose active or suspended." }) });

/** The list's search box (GET). A bad value is dropped, never an error page. */
export const schoolSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(["active", "suspended"]).optional().catch(undefined),
});

/** A program's paid placement: a rank from 1 (top), or empty for not sponsored. */
export const sponsoredRankSchema = z.object({
  rank: z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d{1,3}$/.test(v) && Number(v) >= 1), "Enter a rank from 1 to 999, or leave it empty for not sponsored.")
    .transform((v) => (v === "" ? null : Number(v))),
});
