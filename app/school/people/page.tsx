import { ActionForm } from "@/components/school/action-form";
import { InviteFields } from "@/components/school/invite-fields";
import { listSchoolPeople } from "@/db/queries/portal";
import { pageScope } from "@/lib/authz";
import { inviteColleague, removeMember } from "../actions";

export const metadata = { title: "People" };

export default async function PeoplePage() {
  const scope = await pageScope("admin");
  const people = await listSchoolPeople(scope);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">People</h1>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">People with access to this school</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.userId} className="border-b border-slate-100">
              <td className="py-2">{p.email}</td>
              <td>{p.name}</td>
              <td>{p.role === "admin" ? "Admin" : "Member"}{p.disabled ? " (disabled)" : ""}</td>
              <td>
                {p.userId !== scope.userId ? (
                  <ActionForm action={removeMember.bind(null, p.userId)} submitLabel="Remove" variant="danger" className="flex items-center gap-2" aria-label={`Remove ${p.email}`} />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="invite" className="max-w-2xl">
        <h2 id="invite" className="text-lg font-semibold">Invite a colleague</h2>
        <p className="text-sm text-muted">They get an email with a link that works once and expires in 72 hours.</p>
        <ActionForm action={inviteColleague} submitLabel="Send invitation" aria-label="Invite a colleague">
          <InviteFields />
        </ActionForm>
      </section>
    </div>
  );
}
