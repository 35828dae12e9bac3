import { z } from "zod";
import { isoDay, MAX_RANGE_DAYS } from "./ops-dashboard";

const DAY_MS = 86_400_000;

/** Clicks-to-leads range: first and last day, both included (UTC). */
export const clicksRangeSchema = z
  .object({ from: isoDay, to: isoDay })
  .superRefine((v, ctx) => {
    const from = Date.parse(`${v.from}T00:00:00Z`);
    const to = Date.parse(`${v.to}T00:00:00Z`);
    if (to < from) ctx.addIssue({ code: "custom", path: ["to"], message: "The last day must be on or after the first day." });
    else if ((to - from) / DAY_MS + 1 > MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: `Choose at most ${MAX_RANGE_DAYS} days.` });
  });
