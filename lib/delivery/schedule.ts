import { env } from "@/lib/env";

/**
 * Seconds to wait before each attempt: at once, 1 min, 5 min, 30 min, 2 h. After the last attempt
 * fails the delivery is marked failed for an operator. DELIVERY_RETRY_SCHEDULE="0,60,300,1800,7200"
 * overrides it (tests and benchmarks shorten it).
 */
export const DEFAULT_RETRY_SCHEDULE = [0, 60, 300, 1800, 7200] as const;

export function retrySchedule(): number[] {
  return [...env().DELIVERY_RETRY_SCHEDULE];
}

/**
 * When to try again after attempt number `attempts` (1-based) failed, or null when attempts are used up.
 * A provider's retry-after is honoured when it asks for longer.
 */
export function nextAttemptAt(attempts: number, now: Date, retryAfterSeconds?: number, schedule = retrySchedule()): Date | null {
  if (attempts >= schedule.length) return null;
  const wait = Math.max(schedule[attempts] ?? 0, retryAfterSeconds ?? 0);
  return new Date(now.getTime() + wait * 1000);
}
