import { createHash, randomBytes } from "node:crypto";

/** A URL-safe random token with 256 bits of entropy. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored in place of a token: its SHA-256, so a database leak does not leak working links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
