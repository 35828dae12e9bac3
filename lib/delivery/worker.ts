import "server-only";
import type { Db } from "@/db/client";
import { claimDueEmails, markEmailFailed, markEmailRetry, markEmailSent } from "@/db/queries/outbox";
import type { Transport } from "@/lib/email/transport";
import { nextAttemptAt } from "./schedule";
import { safeErrorSummary } from "@/lib/log";

export type DeliveryRun = { sent: number; retried: number; failed: number };

/**
 * Delivers every due outbox row, a batch at a time, until none is due. Safe to run in several
 * processes at once: rows are claimed with SKIP LOCKED. Each send carries the row's idempotency key,
 * so a row sent again after a crash or a timeout is still one email at the provider.
 */
export async function deliverDue(
  db: Db,
  transport: Transport,
  options: { batchSize?: number; lockSeconds?: number; maxBatches?: number; now?: () => Date } = {},
): Promise<DeliveryRun> {
  const batchSize = options.batchSize ?? 8;
  const lockSeconds = options.lockSeconds ?? 120;
  const now = options.now ?? (() => new Date());
  const run: DeliveryRun = { sent: 0, retried: 0, failed: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 1000); batch++) {
    const rows = await claimDueEmails(db, { limit: batchSize, lockSeconds, now: now() });
    if (rows.length === 0) break;
    await Promise.all(
      rows.map(async (row) => {
        const outcome = await transport.send({
          to: row.toAddresses,
          subject: row.subject,
          html: row.html,
          text: row.text,
          idempotencyKey: row.idempotencyKey,
        });
        if (outcome.ok) {
          await markEmailSent(db, row.id, { transport: outcome.transport, providerMessageId: outcome.providerMessageId, now: now() });
          run.sent++;
          return;
        }
        const next = outcome.retryable ? nextAttemptAt(row.attempts, now(), outcome.retryAfterSeconds) : null;
        if (next) {
          await markEmailRetry(db, row.id, { transport: outcome.transport, error: outcome.error, nextAttemptAt: next });
          run.retried++;
        } else {
          await markEmailFailed(db, row.id, {
            transport: outcome.transport,
            error: outcome.retryable ? `gave up after ${row.attempts} attempts; last: ${outcome.error}` : outcome.error,
          });
          run.failed++;
        }
      }),
    );
  }
  return run;
}

/** A log line for a failure, without query parameters (which may hold personal data). */
/** For logs: never a query's parameters or a row's values (see lib/log.ts). */
export function describeError(error: unknown): string {
  return safeErrorSummary(error);
}
