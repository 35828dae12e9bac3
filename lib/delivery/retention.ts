import "server-only";
import type { Db } from "@/db/client";
import { claimScheduledRetentionScrub, getRetentionMonths, scrubExpiredLeadRequests } from "@/db/queries/ops-privacy";
import { safeErrorSummary } from "@/lib/log";

/**
 * The retention scrub on a schedule, from the delivery worker's loop (in the app server or
 * `npm run worker`): once a day across all servers, with the operators' retention setting read at
 * each run. The scrub only touches requests not yet scrubbed, so a run repeated by mistake changes
 * nothing. A run that fails is tried again the next day (and the operator can still run it by hand).
 */
export const RETENTION_SCRUB_EVERY_MS = 24 * 3600 * 1000;
/** How often one process asks the database whether the day's scrub is due. */
export const RETENTION_CHECK_EVERY_MS = 3600 * 1000;

export type ScheduledScrub = { ran: boolean; months?: number; scrubbed?: number };

/** Runs the scrub when it is due (and no other server has claimed it): what it did. */
export async function runScheduledRetentionScrub(db: Db, now = new Date(), everyMs = RETENTION_SCRUB_EVERY_MS): Promise<ScheduledScrub> {
  if (!(await claimScheduledRetentionScrub(now, everyMs, db))) return { ran: false };
  const months = await getRetentionMonths(db);
  const scrubbed = await scrubExpiredLeadRequests(months, { userId: null, now }, db);
  return { ran: true, months, scrubbed };
}

type Global = typeof globalThis & { __schoolLeadsRetentionCheck?: { nextCheckAt: number } };

/**
 * Called on every tick of a delivery worker loop: asks the database at most once an hour per process
 * and never throws (the worker must keep sending).
 */
export async function retentionTick(db: Db, now = new Date()): Promise<ScheduledScrub> {
  const g = globalThis as Global;
  g.__schoolLeadsRetentionCheck ??= { nextCheckAt: 0 };
  const state = g.__schoolLeadsRetentionCheck;
  if (now.getTime() < state.nextCheckAt) return { ran: false };
  state.nextCheckAt = now.getTime() + RETENTION_CHECK_EVERY_MS;
  try {
    const run = await runScheduledRetentionScrub(db, now);
    if (run.ran && run.scrubbed) console.log(`retention: scrubbed ${run.scrubbed} lead requests older than ${run.months} months`);
    return run;
  } catch (error) {
    console.error("retention scrub:", safeErrorSummary(error));
    return { ran: false };
  }
}
