import "server-only";
import { getDb, type Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { requestIp } from "@/lib/auth/request-ip";
import { checkRateLimit, type RateLimit } from "@/lib/rate-limit";

/** Sign-in links asked for: a few an hour per address (each one is an email to someone's inbox), more per client IP. */
export const MAGIC_LINK_LIMITS: { perAddress: RateLimit; perIp: RateLimit } = {
  perAddress: { limit: 5, windowSeconds: 3600 },
  perIp: { limit: 30, windowSeconds: 3600 },
};

/**
 * Whether a sign-in link may be sent for this request. Both counters count every request, whether
 * or not the address has an account, so the answer reveals nothing about accounts; the caller
 * answers the same way either way.
 */
export async function allowMagicLinkRequest(email: string, headers: Headers, db?: Db, now = new Date()): Promise<boolean> {
  const d = db ?? (await getDb());
  const ipAddress = requestIp(headers);
  const [address, ip] = await Promise.all([
    checkRateLimit(d, "magic-link:address", email.trim().toLowerCase(), MAGIC_LINK_LIMITS.perAddress, now),
    checkRateLimit(d, "magic-link:ip", ipAddress, MAGIC_LINK_LIMITS.perIp, now),
  ]);
  if (address.allowed && ip.allowed) return true;
  await recordAudit({ action: "auth.magic_link_limited", metadata: { address: !address.allowed, ip: !ip.allowed }, ipAddress }, d);
  return false;
}
