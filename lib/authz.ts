import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/auth";
import { getSessionUser, type MembershipRole, type SessionUser } from "@/db/queries/users";
import { getSchoolSummary } from "@/db/queries/portal";
import { recordAudit } from "@/db/queries/audit";
import { requestIp } from "@/lib/auth/request-ip";
import { resolveScope, type SchoolScope } from "@/lib/auth/scope";

export type { SchoolScope } from "@/lib/auth/scope";

/** The cookie that remembers which school the user works on; checked against memberships every time. */
export const ACTIVE_SCHOOL_COOKIE = "cp_school";

export class AuthzError extends Error {
  constructor(readonly code: "unauthenticated" | "forbidden") {
    super(code === "unauthenticated" ? "Please sign in." : "You do not have access to this.");
  }
}

/**
 * Who is asking, checked against the server-side session record: a signed-out, expired or disabled
 * user is nobody, whatever the cookie says. Asked once per request.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.sid) return null;
  return getSessionUser(session.sid);
});

async function denied(user: SessionUser | null, reason: string, schoolId?: number) {
  await recordAudit({
    action: "authz.denied",
    actorUserId: user?.id,
    schoolId: schoolId ?? null,
    metadata: { reason },
    ipAddress: requestIp(await headers()),
  });
}

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AuthzError("unauthenticated");
  return user;
}

export async function requireOperator(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "operator") {
    await denied(user, "operator only");
    throw new AuthzError("forbidden");
  }
  return user;
}

/** The school the request works on, and the role the user has there; throws when there is none. */
export async function getSchoolScope(minRole: MembershipRole = "member"): Promise<SchoolScope> {
  const user = await requireUser();
  const cookie = (await cookies()).get(ACTIVE_SCHOOL_COOKIE)?.value;
  const wanted = cookie && /^\d+$/.test(cookie) ? Number(cookie) : undefined;
  const operatorSchoolExists = user.role === "operator" && wanted !== undefined ? Boolean(await getSchoolSummary(wanted)) : false;
  const scope = resolveScope(user, wanted, operatorSchoolExists);
  if (!scope) {
    await denied(user, "no school");
    throw new AuthzError("forbidden");
  }
  if (minRole === "admin" && scope.role !== "admin") {
    await denied(user, "admin only", scope.schoolId);
    throw new AuthzError("forbidden");
  }
  return scope;
}

/** For pages: the scope, or a redirect to sign-in / a 404, never a page of someone else's data. */
export async function pageScope(minRole: MembershipRole = "member"): Promise<SchoolScope> {
  try {
    return await getSchoolScope(minRole);
  } catch (error) {
    if (error instanceof AuthzError) {
      if (error.code === "unauthenticated") redirect("/login?callbackUrl=/school");
      const user = await currentUser();
      if (user?.role === "operator") redirect("/ops");
      if (user && user.memberships.length > 0) redirect("/school");
      notFound();
    }
    throw error;
  }
}

export async function pageOperator(): Promise<SessionUser> {
  try {
    return await requireOperator();
  } catch (error) {
    if (error instanceof AuthzError) {
      if (error.code === "unauthenticated") redirect("/login?callbackUrl=/ops");
      notFound();
    }
    throw error;
  }
}

/** Records that a school user asked for something outside their school (a guessed id, say). */
export async function recordOutOfScope(scope: SchoolScope, subjectType: string, subjectId: string | number) {
  await recordAudit({
    action: "authz.denied",
    actorUserId: scope.userId,
    schoolId: scope.schoolId,
    subjectType,
    subjectId,
    metadata: { reason: "not in school" },
    ipAddress: requestIp(await headers()),
  });
}
