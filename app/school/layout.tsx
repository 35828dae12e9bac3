import type { Metadata } from "next";
import { PortalShell } from "@/components/school/portal-shell";
import { getSchoolSummary } from "@/db/queries/portal";
import { currentUser, pageScope } from "@/lib/authz";

export const metadata: Metadata = { title: { default: "School portal", template: "%s | School portal" }, robots: { index: false } };

export default async function SchoolLayout({ children }: { children: React.ReactNode }) {
  const scope = await pageScope("member");
  const user = await currentUser();
  const school = await getSchoolSummary(scope.schoolId);
  if (!user || !school) return null;
  return (
    <PortalShell
      schoolName={school.name}
      schoolId={school.id}
      role={scope.role}
      isOperator={scope.isOperator}
      memberships={user.memberships}
      userEmail={user.email}
    >
      {children}
    </PortalShell>
  );
}
