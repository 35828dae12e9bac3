import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { findUserByEmail, markSignInSucceeded, reserveSignInAttempt } from "@/db/queries/users";
import { verifyPassword } from "@/lib/auth/password";
import { requestIp } from "@/lib/auth/request-ip";

const passwordInput = z.object({ email: z.email().max(320), password: z.string().min(1).max(200) });

export type PasswordSignIn =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; reason: "invalid" | "locked" };

/**
 * Password sign-in with attempt limits per address and per client IP (the IP as our own proxies
 * report it, never what the client wrote into X-Forwarded-For). The attempt is counted before the
 * password is checked, so parallel guesses cannot get past the limit.
 */
export async function checkPasswordSignIn(raw: unknown, headers: Headers, db?: Db): Promise<PasswordSignIn> {
  const parsed = passwordInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const ipAddress = requestIp(headers);
  const reservation = await reserveSignInAttempt(email, ipAddress, db);
  if (reservation.locked) {
    await recordAudit({ action: "auth.sign_in_locked", metadata: { account: reservation.locked.account, ip: reservation.locked.ip }, ipAddress }, db);
    return { ok: false, reason: "locked" };
  }
  const user = await findUserByEmail(email, db);
  const ok = (await verifyPassword(password, user?.passwordHash)) && Boolean(user?.passwordHash) && !user?.disabledAt;
  if (!ok || !user) {
    await recordAudit({ action: "auth.sign_in_failed", actorUserId: user?.id, metadata: { provider: "password" }, ipAddress }, db);
    return { ok: false, reason: "invalid" };
  }
  await markSignInSucceeded(reservation.attemptId, db);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
