import Link from "next/link";
import { ActionForm } from "@/components/school/action-form";
import { FirstAdminFields, RejectNoteField } from "@/components/school/ops-forms";
import { listAllSchools } from "@/db/queries/portal";
import { listReviewQueue } from "@/db/queries/portal-programs";
import { listUsersForOps } from "@/db/queries/users";
import { pageOperator } from "@/lib/authz";
import {
  approveProgramAction,
  inviteFirstAdmin,
  openSchoolPortal,
  rejectProgramAction,
  setPublishWithoutReviewAction,
  setUserDisabledAction,
} from "./actions";

export const metadata = { title: "Overview" };

export default async function OpsHome() {
  const me = await pageOperator();
  const [queue, schools, users] = await Promise.all([listReviewQueue(), listAllSchools(), listUsersForOps()]);
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold">Operator console</h1>
      <section aria-labelledby="review">
        <h2 id="review" className="text-lg font-semibold">Listings waiting for review ({queue.length})</h2>
        {queue.length === 0 ? <p className="text-sm">Nothing to review.</p> : null}
        <ul className="mt-2 space-y-4">
          {queue.map((p) => (
            <li key={p.id} className="rounded-lg border border-slate-200 p-3">
              <h3 className="font-semibold">{p.title}</h3>
              <p className="text-sm text-muted">
                {p.schoolName} · {p.status === "in_review" ? "new listing" : "edit to a live listing"}
              </p>
              <div className="mt-2 flex flex-wrap items-start gap-6">
                <ActionForm action={approveProgramAction.bind(null, p.id)} submitLabel="Approve" aria-label={`Approve ${p.title} (${p.schoolName})`} />
                <ActionForm action={rejectProgramAction.bind(null, p.id)} submitLabel="Send back" variant="secondary" aria-label={`Send back ${p.title} (${p.schoolName})`}>
                  <RejectNoteField />
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="first-admin" className="max-w-2xl">
        <h2 id="first-admin" className="text-lg font-semibold">Invite a school’s first admin</h2>
        <ActionForm action={inviteFirstAdmin} submitLabel="Send invitation" aria-label="Invite a school's first admin">
          <FirstAdminFields schools={schools} />
        </ActionForm>
      </section>
      <section aria-labelledby="schools">
        <h2 id="schools" className="text-lg font-semibold">Schools</h2>
        <form action={openSchoolPortal} className="mt-2 flex items-end gap-2">
          <div>
            <label htmlFor="open-school" className="block text-sm font-medium">Open the portal as</label>
            <select id="open-school" name="schoolId" className="rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm">
              {schools.map((s) => (
                <option key={s.id} value={s.id}>{s.name}</option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded-md border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700">Open portal</button>
        </form>
        <table className="mt-4 w-full text-left text-sm">
          <caption className="sr-only">Schools and their review setting</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2">School</th>
              <th scope="col">Edits to live listings</th>
            </tr>
          </thead>
          <tbody>
            {schools.map((s) => (
              <tr key={s.id} className="border-b border-slate-100">
                <td className="py-1">{s.name}</td>
                <td>
                  <ActionForm
                    action={setPublishWithoutReviewAction.bind(null, s.id, !s.publishWithoutReview)}
                    submitLabel={s.publishWithoutReview ? "Require review" : "Publish without review"}
                    variant="secondary"
                    className="flex items-center gap-2"
                    aria-label={`Review setting for ${s.name}`}
                  >
                    <span>{s.publishWithoutReview ? "Go live at once" : "Wait for review"}</span>
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="users">
        <h2 id="users" className="text-lg font-semibold">Users</h2>
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Users</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Access</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-b border-slate-100">
                <td className="py-1">{u.email}</td>
                <td>{u.role}</td>
                <td>
                  {u.id === me.id ? (
                    "You"
                  ) : (
                    <ActionForm
                      action={setUserDisabledAction.bind(null, u.id, !u.disabledAt)}
                      submitLabel={u.disabledAt ? "Enable" : "Disable"}
                      variant={u.disabledAt ? "secondary" : "danger"}
                      className="flex items-center gap-2"
                      aria-label={`Access for ${u.email}`}
                    >
                      <span>{u.disabledAt ? "Disabled" : "Active"}</span>
                    </ActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p>
        <Link href="/ops/mailbox">Mailbox</Link>
      </p>
    </div>
  );
}
