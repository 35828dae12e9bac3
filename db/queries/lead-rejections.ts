import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import type { LeadRejectionReason } from "../schema";

/**
 * Records one refused Request Info submission: when, why, and the program (and its school) when the
 * id (a positive int4, or null) names one that exists. Never any personal data. The daily rollup
 * follows by trigger.
 */
export async function recordLeadRejection(
  reason: LeadRejectionReason,
  programId: number | null,
  now: Date,
  db?: Db,
): Promise<void> {
  const d = db ?? (await getDb());
  await d.execute(sql`insert into lead_rejections (reason, program_id, school_id, created_at)
    select ${reason}, p.id, p.school_id, ${now.toISOString()}::timestamptz
    from (select 1) one left join programs p on p.id = ${programId}::integer`);
}
