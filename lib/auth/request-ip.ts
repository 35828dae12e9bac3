import "server-only";
import { clientIp } from "@/lib/leads/request-meta";

/**
 * The client's IP for sign-in limits and the audit log: the address our own proxies saw
 * (TRUSTED_PROXY_HOPS, see `clientIp`), never the leftmost X-Forwarded-For entry, which the client
 * writes itself. "unknown" when there is none.
 */
export function requestIp(headers: Headers): string {
  return clientIp(headers) ?? "unknown";
}
