import Link from "next/link";
import type { Membership } from "@/db/queries/users";
import { signOutAction } from "@/app/login/actions";
import { switchSchool } from "@/app/school/actions";

type Props = {
  schoolName: string;
  schoolId: number;
  role: "admin" | "member";
  isOperator: boolean;
  memberships: Membership[];
  userEmail: string;
  children: React.ReactNode;
};

/** The portal's frame: which school, who is signed in, switching schools, the sections, sign-out. */
export function PortalShell({ schoolName, schoolId, role, isOperator, memberships, userEmail, children }: Props) {
  const links = [
    { href: "/school", label: "Overview" },
    { href: "/school/leads", label: "Leads" },
    ...(role === "admin"
      ? [
          { href: "/school/programs", label: "Programs" },
          { href: "/school/campuses", label: "Campuses" },
          { href: "/school/profile", label: "Profile" },
          { href: "/school/people", label: "People" },
          { href: "/school/recipients", label: "Lead recipients" },
        ]
      : []),
  ];
  return (
    <div className="container-page py-6">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-4">
        <div>
          <p className="text-sm text-muted">School portal{isOperator ? " (operator view)" : ""}</p>
          <div className="text-xl font-bold">{schoolName}</div>
          <p className="text-sm text-muted">
            Signed in as {userEmail} · {role === "admin" ? "Admin" : "Member"}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          {memberships.length > 1 ? (
            <form action={switchSchool} className="flex items-end gap-2" aria-label="Switch school">
              <div>
                <label htmlFor="switch-school" className="block text-sm font-medium">
                  School
                </label>
                <select id="switch-school" name="schoolId" defaultValue={String(schoolId)} className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm">
                  {memberships.map((m) => (
                    <option key={m.schoolId} value={m.schoolId}>
                      {m.schoolName}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="rounded-md border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700">
                Switch
              </button>
            </form>
          ) : null}
          {isOperator ? <Link href="/ops">Operator console</Link> : null}
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-semibold">
              Sign out
            </button>
          </form>
        </div>
      </div>
      <nav aria-label="School portal" className="mt-3">
        <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm font-medium">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href}>{l.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="mt-6">{children}</div>
    </div>
  );
}
