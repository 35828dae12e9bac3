import { z } from "zod";
import { isoDay } from "./ops-dashboard";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => (v === "" ? undefined : v));
const optionalDay = z.union([z.literal(""), isoDay]).optional().transform((v) => (v === "" ? undefined : v));

/** The audit log's GET filters; errors go on their fields and the page shows everything instead. */
export const auditFilterSchema = z
  .object({
    action: optionalText(100),
    actor: optionalText(320),
    school: z
      .union([z.literal(""), z.coerce.number({ message: "Choose a school." }).int().positive("Choose a school.")])
      .optional()
      .transform((v) => (v === "" ? undefined : v)),
    from: optionalDay,
    to: optionalDay,
    page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "The last day must be on or after the first day." });
  });
export type AuditFilterInput = z.infer<typeof auditFilterSchema>;

/** Reads GET parameters: the first value of each; on errors, the messages per field and no filter. */
export function parseGet<S extends z.ZodType>(schema: S, params: Record<string, string | string[] | undefined>) {
  const raw: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(params)) raw[k] = Array.isArray(v) ? v[0] : v;
  const parsed = schema.safeParse(raw);
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  return { raw, data: parsed.success ? (parsed.data as z.output<S>) : null, fieldErrors };
}
