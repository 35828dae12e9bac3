import "server-only";
import { and, asc, count, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type Db, type Tx } from "../client";
import { invitations, schoolMemberships, schools, sessions, signInAttempts, users } from "../schema";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { lockKeys } from "./locks";

export type MembershipRole = "admin" | "member";
export type Membership = { schoolId: number; schoolName: string; schoolSlug: string; role: MembershipRole };
export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  role: "operator" | "user";
  memberships: Membership[];
};

const normalise = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(email: string, db?: Db | Tx) {
  const d = db ?? (await getDb());
  const [row] = await d.select().from(users).where(eq(users.email, normalise(email))).limit(1);
  return row ?? null;
}

export async function listMemberships(userId: string, db?: Db | Tx): Promise<Membership[]> {
  const d = db ?? (await getDb());
  return d
    .select({ schoolId: schools.id, schoolName: schools.name, schoolSlug: schools.slug, role: schoolMemberships.role })
    .from(schoolMemberships)
    .innerJoin(schools, eq(schools.id, schoolMemberships.schoolId))
    .where(eq(schoolMemberships.userId, userId))
    .orderBy(asc(schools.name));
}

/* ------------------------------------------------------------- sessions */

/**
 * The server-side record behind a signed-in browser. The JWT carries only its id; every request
 * checks the row, so signing out or disabling a user ends access at once.
 */
export async function createSessionRecord(userId: string, maxAgeSeconds: number, db?: Db | Tx): Promise<string> {
  const d = db ?? (await getDb());
  const token = newToken();
  await d.insert(sessions).values({ sessionToken: hashToken(token), userId, expires: new Date(Date.now() + maxAgeSeconds * 1000) });
  return token;
}

/** The user behind a live session id, or null when it was signed out, expired, or the user is disabled. */
export async function getSessionUser(sessionId: string, db?: Db | Tx): Promise<SessionUser | null> {
  const d = db ?? (await getDb());
  const [row] = await d
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, hashToken(sessionId)), gt(sessions.expires, sql`now()`), isNull(users.disabledAt)))
    .limit(1);
  if (!row) return null;
  return { ...row, memberships: await listMemberships(row.id, d) };
}

export async function deleteSessionRecord(sessionId: string, db?: Db | Tx): Promise<void> {
  const d = db ?? (await getDb());
  await d.delete(sessions).where(eq(sessions.sessionToken, hashToken(sessionId)));
}

/** Disables a user and ends every session they have. */
export async function setUserDisabled(userId: string, disabled: boolean, db?: Db): Promise<boolean> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (disabled) await tx.delete(sessions).where(eq(sessions.userId, userId));
    return updated.length > 0;
  });
}

export async function listUsersForOps(db?: Db) {
  const d = db ?? (await getDb());
  return d
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .orderBy(asc(users.email))
    .limit(500);
}

/* ---------------------------------------------------- sign-in attempts */

export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export async function recordSignInAttempt(attempt: { email: string; ipAddress: string; succeeded: boolean }, db?: Db | Tx) {
  const d = db ?? (await getDb());
  await d.insert(signInAttempts).values({ ...attempt, email: normalise(attempt.email) });
}

export type SignInReservation = { attemptId: number; locked?: undefined } | { attemptId?: undefined; locked: { account: boolean; ip: boolean } };

/**
 * Checks the limits and, when neither is reached, records the attempt as a failure before the
 * password is checked, in one transaction serialised per address and per IP (advisory locks). So
 * parallel guesses queue up and each one sees the ones before it: no more than the limit are ever
 * checked. A correct password then marks its row as succeeded (`markSignInSucceeded`).
 */
export async function reserveSignInAttempt(email: string, ipAddress: string, db?: Db): Promise<SignInReservation> {
  const d = db ?? (await getDb());
  const address = normalise(email);
  return d.transaction(async (tx) => {
    // Address first, then IP, always in that order, so two attempts never wait on each other in a cycle.
    await lockKeys(tx, [`sign-in:address:${address}`, `sign-in:ip:${ipAddress}`]);
    const locked = await isSignInLocked(address, ipAddress, tx);
    if (locked.account || locked.ip) return { locked };
    const [row] = await tx.insert(signInAttempts).values({ email: address, ipAddress, succeeded: false }).returning({ id: signInAttempts.id });
    return { attemptId: row!.id };
  });
}

export async function markSignInSucceeded(attemptId: number, db?: Db | Tx): Promise<void> {
  const d = db ?? (await getDb());
  await d.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
}

/**
 * Whether password sign-in is locked for this address or this IP: too many failures within the
 * window. For an account, failures before its last success do not count.
 */
export async function isSignInLocked(email: string, ipAddress: string, db?: Db | Tx): Promise<{ account: boolean; ip: boolean }> {
  const d = db ?? (await getDb());
  const since = sql`now() - make_interval(mins => ${SIGN_IN_WINDOW_MINUTES})`;
  const address = normalise(email);
  const lastSuccess = sql`coalesce((select max(${signInAttempts.createdAt}) from ${signInAttempts} where ${signInAttempts.email} = ${address} and ${signInAttempts.succeeded}), '-infinity'::timestamptz)`;
  const [account] = await d
    .select({ n: count() })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.email, address),
        eq(signInAttempts.succeeded, false),
        sql`${signInAttempts.createdAt} > ${since}`,
        sql`${signInAttempts.createdAt} > ${lastSuccess}`,
      ),
    );
  const [ip] = await d
    .select({ n: count() })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.ipAddress, ipAddress), eq(signInAttempts.succeeded, false), sql`${signInAttempts.createdAt} > ${since}`));
  return { account: (account?.n ?? 0) >= MAX_FAILURES_PER_ACCOUNT, ip: (ip?.n ?? 0) >= MAX_FAILURES_PER_IP };
}

/* ---------------------------------------------------------- invitations */

export const INVITATION_TTL_HOURS = 72;

export async function createInvitation(
  input: { email: string; schoolId: number; role: MembershipRole; invitedBy: string },
  db?: Db | Tx,
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const d = db ?? (await getDb());
  const token = newToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_HOURS * 3600 * 1000);
  const [row] = await d
    .insert(invitations)
    .values({ email: normalise(input.email), schoolId: input.schoolId, role: input.role, invitedBy: input.invitedBy, tokenHash: hashToken(token), expiresAt })
    .returning({ id: invitations.id });
  if (!row) throw new Error("invitation insert returned nothing");
  return { id: row.id, token, expiresAt };
}

/** An invitation that can still be accepted (not used, not expired), with its school's name. */
export async function getOpenInvitation(token: string, db?: Db | Tx) {
  const d = db ?? (await getDb());
  const [row] = await d
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, schoolId: invitations.schoolId, schoolName: schools.name })
    .from(invitations)
    .leftJoin(schools, eq(schools.id, invitations.schoolId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)))
    .limit(1);
  return row ?? null;
}

/**
 * Accepts an invitation once: the update that marks it used is the guard, so two clicks cannot both
 * succeed. Creates the user when new, and grants the membership.
 */
export async function acceptInvitation(
  token: string,
  profile: { name: string; passwordHash: string | null },
  db?: Db,
): Promise<{ userId: string; email: string; schoolId: number | null } | null> {
  const d = db ?? (await getDb());
  return d.transaction(async (tx) => {
    const [invite] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)))
      .returning();
    if (!invite) return null;
    const existing = await findUserByEmail(invite.email, tx);
    let userId: string;
    if (existing) {
      userId = existing.id;
      await tx
        .update(users)
        .set({
          emailVerified: existing.emailVerified ?? new Date(),
          name: existing.name ?? profile.name,
          ...(profile.passwordHash && !existing.passwordHash ? { passwordHash: profile.passwordHash } : {}),
        })
        .where(eq(users.id, existing.id));
    } else {
      const [created] = await tx
        .insert(users)
        .values({ email: invite.email, name: profile.name, emailVerified: new Date(), passwordHash: profile.passwordHash })
        .returning({ id: users.id });
      if (!created) throw new Error("user insert returned nothing");
      userId = created.id;
    }
    if (invite.schoolId !== null) {
      await tx
        .insert(schoolMemberships)
        .values({ userId, schoolId: invite.schoolId, role: invite.role })
        .onConflictDoUpdate({ target: [schoolMemberships.userId, schoolMemberships.schoolId], set: { role: invite.role } });
    }
    return { userId, email: invite.email, schoolId: invite.schoolId };
  });
}
