import { z } from "zod";

/** The longest range the dashboard draws in one view. */
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

export const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Enter a real date.");

/** GET parameters of /ops/leads: first and last day (both included, UTC) and the period of the chart. */
export const dashboardRangeSchema = z
  .object({
    from: isoDay,
    to: isoDay,
    by: z.enum(["day", "week", "month"], { message: "Choose day, week or month." }),
  })
  .superRefine((v, ctx) => {
    const from = Date.parse(`${v.from}T00:00:00Z`);
    const to = Date.parse(`${v.to}T00:00:00Z`);
    if (to < from) ctx.addIssue({ code: "custom", path: ["to"], message: "The last day must be on or after the first day." });
    else if ((to - from) / DAY_MS + 1 > MAX_RANGE_DAYS)
      ctx.addIssue({ code: "custom", path: ["to"], message: `Choose at most ${MAX_RANGE_DAYS} days.` });
  });

export type DashboardQuery = z.infer<typeof dashboardRangeSchema>;

export type ParsedDashboardQuery = {
  /** What the form shows (the defaults filled in). */
  values: DashboardQuery;
  /** The range to query: [from, day after last). */
  range: { from: Date; to: Date };
  fieldErrors: Partial<Record<keyof DashboardQuery, string>>;
};

/** The last 30 days up to today (UTC), by day. */
export function defaultDashboardQuery(today = new Date()): DashboardQuery {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
  return { from, to, by: "day" };
}

/**
 * Reads the dashboard's GET parameters. Missing ones take the defaults; a bad one is reported on
 * its field and the page shows the default range instead, never an error page.
 */
export function parseDashboardQuery(params: Record<string, string | string[] | undefined>, today = new Date()): ParsedDashboardQuery {
  const defaults = defaultDashboardQuery(today);
  const pick = (key: keyof DashboardQuery) => {
    const v = params[key];
    const s = Array.isArray(v) ? v[0] : v;
    return s === undefined || s === "" ? defaults[key] : s;
  };
  const raw = { from: pick("from"), to: pick("to"), by: pick("by") };
  const parsed = dashboardRangeSchema.safeParse(raw);
  const values = parsed.success ? parsed.data : defaults;
  const fieldErrors: ParsedDashboardQuery["fieldErrors"] = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof DashboardQuery;
      fieldErrors[key] ??= issue.message;
    }
  }
  const from = new Date(`${values.from}T00:00:00Z`);
  const to = new Date(Date.parse(`${values.to}T00:00:00Z`) + DAY_MS);
  // On bad input the form shows what was typed (so it can be corrected) except an unknown period.
  const shown = parsed.success ? values : { ...defaults, from: raw.from, to: raw.to, by: fieldErrors.by ? defaults.by : values.by };
  return { values: shown, range: { from, to }, fieldErrors };
}
