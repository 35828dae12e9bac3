import type { MembershipRole, SessionUser } from "@/db/queries/users";

export type SchoolScope = { schoolId: number; role: MembershipRole; userId: string; isOperator: boolean };

/**
 * Which school a request works on. A school user works on the school in the cookie when they belong
 * to it, else on their first school; an operator works on any existing school they picked, as admin.
 */
export function resolveScope(user: SessionUser, wantedSchoolId: number | undefined, operatorSchoolExists: boolean): SchoolScope | null {
  if (user.role === "operator") {
    if (wantedSchoolId === undefined || !operatorSchoolExists) return null;
    return { schoolId: wantedSchoolId, role: "admin", userId: user.id, isOperator: true };
  }
  const membership = user.memberships.find((m) => m.schoolId === wantedSchoolId) ?? user.memberships[0];
  if (!membership) return null;
  return { schoolId: membership.schoolId, role: membership.role, userId: user.id, isOperator: false };
}
