/**
 * `npm run worker`: the delivery worker as its own process, for production beside app servers run with
 * DELIVERY_WORKER=external. Several may run at once (rows are claimed with SKIP LOCKED). Needs
 * DATABASE_URL (PGlite allows one process only: there the app's own worker does the job).
 */
import { openDb } from "@/db/client";
import { nextDueAt } from "@/db/queries/outbox";
import { getTransport } from "@/lib/email/transport";
import { describeError, deliverDue } from "@/lib/delivery/worker";
import { retentionTick } from "@/lib/delivery/retention";
import { env } from "@/lib/env";

async function main() {
  const url = env().DATABASE_URL;
  if (!url) {
    console.error("worker: DATABASE_URL is required (with PGlite the app server delivers emails itself)");
    process.exit(2);
  }
  const handle = await openDb({ url, max: 4 });
  const transport = getTransport();
  const pollMs = env().DELIVERY_POLL_MS ?? 2_000;
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (stopping = true));
  console.log(`worker: delivering through ${transport.name}`);
  while (!stopping) {
    try {
      const run = await deliverDue(handle.db, transport, { lockSeconds: env().DELIVERY_LOCK_SECONDS });
      if (run.sent + run.retried + run.failed > 0) console.log(`worker: sent ${run.sent}, retrying ${run.retried}, failed ${run.failed}`);
      await retentionTick(handle.db);
      const due = await nextDueAt(handle.db);
      const wait = due ? Math.min(pollMs, Math.max(50, due.getTime() - Date.now())) : pollMs;
      await new Promise((r) => setTimeout(r, wait));
    } catch (error) {
      console.error("worker:", describeError(error));
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
  await handle.close();
}

void main();
