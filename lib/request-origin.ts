import { env, trustHost, type Env } from "@/lib/env";

/**
 * Cross-site request forgery: a request that changes state must come from one of our own pages.
 * Browsers send `Origin` on every POST (forms included, with or without JavaScript), so a request
 * without one did not come from a page of ours; a foreign one came from another site's page.
 *
 * Allowed origins: SITE_URL, ALLOWED_ORIGINS, and, when the host is trusted (AUTH_TRUST_HOST, as
 * Auth.js decides it), the origin the request was addressed to (X-Forwarded-Host/-Proto, else Host).
 * Next already compares a server action's Origin with its Host, but lets a missing Origin through.
 */

export type OriginCheck = { ok: true } | { ok: false; reason: "missing" | "foreign" };

const first = (value: string | null) => value?.split(",")[0]?.trim() || null;

/** The origin this request was addressed to, when the Host headers are trusted. */
function addressedOrigin(headers: Headers, e: Env): { host: string; protocol: string | null } | null {
  if (!trustHost(e)) return null;
  const host = first(headers.get("x-forwarded-host")) ?? headers.get("host");
  if (!host) return null;
  const proto = first(headers.get("x-forwarded-proto"));
  return { host: host.toLowerCase(), protocol: proto ? `${proto.replace(/:$/, "").toLowerCase()}:` : null };
}

export function checkSameOrigin(headers: Headers): OriginCheck {
  const header = headers.get("origin");
  if (!header) return { ok: false, reason: "missing" };
  let origin: URL;
  try {
    origin = new URL(header);
  } catch {
    return { ok: false, reason: "foreign" }; // includes "null" (sandboxed frames, file: pages)
  }
  const e = env();
  if (origin.origin === new URL(e.SITE_URL).origin) return { ok: true };
  if (e.ALLOWED_ORIGINS.includes(origin.origin)) return { ok: true };
  const addressed = addressedOrigin(headers, e);
  // Without a forwarded protocol the scheme is unknown (next start speaks plain http behind TLS).
  if (addressed && addressed.host === origin.host && (addressed.protocol === null || addressed.protocol === origin.protocol)) return { ok: true };
  return { ok: false, reason: "foreign" };
}

export const CROSS_SITE_MESSAGE = "This form was not sent from a page of this site, so nothing was changed. Reload the page and try again.";

/**
 * For route handlers: a 403 for a state-changing request from another site (or with no Origin);
 * null when the request may go on.
 */
export function refuseCrossSite(request: Request): Response | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  const check = checkSameOrigin(request.headers);
  if (check.ok) return null;
  return new Response(CROSS_SITE_MESSAGE, { status: 403, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** True when the browser reached us over https: SITE_URL is https, or a trusted proxy says so. */
export function isHttps(headers: Headers): boolean {
  const e = env();
  if (e.SITE_URL.startsWith("https://")) return true;
  const addressed = addressedOrigin(headers, e);
  return addressed?.protocol === "https:";
}

/** Options for every cookie of ours: not readable by scripts, not sent on cross-site subrequests, Secure over https. */
export function cookieOptions(headers: Headers, extra: { path?: string; maxAge?: number } = {}) {
  return { httpOnly: true, sameSite: "lax" as const, secure: isHttps(headers), path: "/", ...extra };
}
