import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import type { LeadRejectionReason } from "../schema";

/**
 * Records one refused Request Info submission: when, why, and the program (and its school) when the
 * id names one that exists. Never any personal data. The daily rollup follows by trigger.
 */
export async function recordLeadRejection(
  reason: LeadRejectionReason,
  programId: number | null,
  now: Date,
  db?: Db,
): Promise<void> {
  const d = db ?? (await getDb());
  const id = programId !== null && Number.isSafeInteger(programId) && programId > 0 && programId < 2 ** 31 ? programId : null;
  await d.execute(sql`insert into lead_rejections (reason, program_id, school_id, created_at)
    select ${reason}, p.id, p.school_id, ${now.toISOString()}::timestamptz
    from (select 1) one left join programs p on p.id = ${id}::integer`);
}
