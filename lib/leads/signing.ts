import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { linkSecret } from "@/lib/env";

/**
 * Signed links and form tokens: HMAC-SHA256 with LINK_SECRET (else AUTH_SECRET). A link carries only
 * an id and an expiry, never personal data.
 */
const secret = linkSecret;

export function hmac(purpose: string, value: string): string {
  return createHmac("sha256", secret()).update(`${purpose}\n${value}`).digest("base64url");
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** "<id>.<expiry seconds>.<signature>" */
export function signLink(purpose: string, id: string, ttlSeconds: number, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + ttlSeconds;
  return `${id}.${exp}.${hmac(purpose, `${id}.${exp}`)}`;
}

export function verifyLink(purpose: string, token: string, now = Date.now()): string | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [id, exp, sig] = parts as [string, string, string];
  if (!/^\d{1,12}$/.test(exp) || Number(exp) * 1000 < now) return null;
  return safeEqual(sig, hmac(purpose, `${id}.${exp}`)) ? id : null;
}

/** A token stamped when the form is rendered: the server learns how long the form took to fill. */
export function issueFormToken(now = Date.now()): string {
  return `${now}.${hmac("lead-form", String(now))}`;
}

/** Milliseconds since the form was rendered, or null when the token is missing or forged. */
export function formAgeMs(token: string, now = Date.now()): number | null {
  const [issued, sig] = token.split(".");
  if (!issued || !sig || !/^\d{10,15}$/.test(issued) || !safeEqual(sig, hmac("lead-form", issued))) return null;
  return now - Number(issued);
}

export const STUDENT_LINK_TTL_SECONDS = 365 * 24 * 3600;
export const THANK_YOU_TTL_SECONDS = 24 * 3600;
export const studentLink = (requestId: string) => `/my-requests/${signLink("my-requests", requestId, STUDENT_LINK_TTL_SECONDS)}`;
export const thankYouLink = (requestId: string) => `/thank-you/${signLink("thank-you", requestId, THANK_YOU_TTL_SECONDS)}`;
