import "server-only";
import { hitRateLimit } from "@/db/queries/rate-limit";
import type { Db } from "@/db/client";
import { hmac } from "@/lib/leads/signing";
import { env } from "@/lib/env";

/**
 * Per-key limits kept in the database, so that every app server counts against the same total.
 * A fixed window is enough here: the limit exists to slow floods, not to meter fairly.
 */
export type RateLimit = { limit: number; windowSeconds: number };

/** LEAD_RATE_LIMIT="5/600" means 5 submissions per 600 seconds per address. */
export function leadRateLimit(): RateLimit {
  return { ...env().LEAD_RATE_LIMIT };
}

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

export async function checkRateLimit(db: Db, scope: string, subject: string, rule: RateLimit, now = new Date()): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const key = `${scope}:${hmac("rate-limit", subject)}`;
  const count = await hitRateLimit(db, key, windowStart, new Date(windowStart.getTime() + windowMs));
  return {
    allowed: count <= rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)),
  };
}
