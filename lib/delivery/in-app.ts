import "server-only";
import { getDb } from "@/db/client";
import { getTransport } from "@/lib/email/transport";
import { describeError, deliverDue } from "./worker";
import { retentionTick } from "./retention";
import { env } from "@/lib/env";

/**
 * The worker inside the app server (the embedded default): nudged after each response that queued an
 * email, and woken by a timer that picks up retries as they fall due. DELIVERY_WORKER=external turns
 * it off when `npm run worker` processes do the sending.
 */
type State = { running: boolean; again: boolean; timer?: NodeJS.Timeout };
type Global = typeof globalThis & { __schoolLeadsDelivery?: State };

function state(): State {
  const g = globalThis as Global;
  g.__schoolLeadsDelivery ??= { running: false, again: false };
  return g.__schoolLeadsDelivery;
}

/**
 * How long a claimed email stays claimed: after a crash mid-send, the row goes out again (same
 * Idempotency-Key, so still one email) once this has passed. Keep it well above EMAIL_SEND_TIMEOUT_MS.
 */
export const deliveryLockSeconds = () => env().DELIVERY_LOCK_SECONDS;

export const inAppDeliveryEnabled = () => env().DELIVERY_WORKER !== "external";

/** Runs the worker now, or once more right after the run in progress. Never throws. */
export async function nudgeDelivery(): Promise<void> {
  if (!inAppDeliveryEnabled()) return;
  ensureDeliveryTimer();
  const s = state();
  if (s.running) {
    s.again = true;
    return;
  }
  s.running = true;
  try {
    do {
      s.again = false;
      await deliverDue(await getDb(), getTransport(), { lockSeconds: deliveryLockSeconds() });
    } while (s.again);
    await retentionTick(await getDb());
  } catch (error) {
    console.error("delivery worker:", describeError(error));
  } finally {
    s.running = false;
  }
}

export function ensureDeliveryTimer(): void {
  if (!inAppDeliveryEnabled()) return;
  const s = state();
  if (s.timer) return;
  const every = env().DELIVERY_POLL_MS ?? 5_000;
  s.timer = setInterval(() => void nudgeDelivery(), every);
  s.timer.unref();
}
