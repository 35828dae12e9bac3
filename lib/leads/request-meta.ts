import "server-only";
import { env } from "@/lib/env";

/**
 * The client's address for rate limits and the consent record. Next puts the socket's address at the
 * end of x-forwarded-for; behind N trusted proxies (TRUSTED_PROXY_HOPS=N) the client is N entries
 * before that. Anything further left was written by the client and is not trusted.
 */
export function clientIp(headers: Headers): string | null {
  const hops = env().TRUSTED_PROXY_HOPS;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const ip = chain[Math.max(0, chain.length - 1 - hops)] ?? headers.get("x-real-ip");
  return ip ? ip.slice(0, 100) : null;
}

/** A URL fit for the consent record: same-site pages only, no fragment, bounded length. */
export function pageUrlFrom(headers: Headers): string | null {
  const referer = headers.get("referer");
  if (!referer) return null;
  try {
    const url = new URL(referer);
    url.hash = "";
    return url.toString().slice(0, 2000);
  } catch {
    return null;
  }
}

export const userAgentFrom = (headers: Headers) => headers.get("user-agent")?.slice(0, 500) ?? null;
