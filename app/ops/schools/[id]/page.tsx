import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, Field } from "@/components/school/action-form";
import { OpsSchoolFields } from "@/components/ops/school-fields";
import { utc } from "@/components/ops/get-form";
import { InviteAdminFields } from "@/components/ops/invite-admin-fields";
import { getSchoolForOps, listSchoolProgramsForOps } from "@/db/queries/ops-schools";
import { pageOperator } from "@/lib/authz";
import { inviteFirstAdmin, setPublishWithoutReviewAction } from "../../actions";
import { setSchoolStatusAction, setSponsoredRankAction, updateSchoolAction } from "../actions";

export const metadata: Metadata = { title: "School" };

export default async function OpsSchoolPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await pageOperator();
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const found = await getSchoolForOps(Number(id));
  if (!found) notFound();
  const { school, members, openInvitations } = found;
  const programs = await listSchoolProgramsForOps(school.id);
  const created = (await searchParams).created === "1";
  const suspended = school.status === "suspended";
  return (
    <div className="space-y-10">
      <div>
        <p className="text-sm">
          <Link href="/ops/schools">All schools</Link>
        </p>
        <h1 className="text-2xl font-bold">{school.name}</h1>
        {created ? (
          <p role="status" className="mt-2 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
            School created. Invite its first admin below.
          </p>
        ) : null}
        <p className="mt-1 text-sm">
          <Link href={`/ops/audit?school=${school.id}`}>Audit log for this school</Link>
        </p>
      </div>

      <section aria-labelledby="status" className="space-y-4">
        <h2 id="status" className="text-lg font-semibold">Status</h2>
        <ActionForm
          action={setSchoolStatusAction.bind(null, school.id, suspended ? "active" : "suspended")}
          submitLabel={suspended ? "Reactivate school" : "Suspend school"}
          variant={suspended ? "secondary" : "danger"}
          className="flex flex-wrap items-center gap-3"
          aria-label="School status"
        >
          <span className="text-sm">
            {suspended
              ? "Suspended: its listings are hidden from students. Leads already received are kept."
              : "Active: its live listings are shown to students."}
          </span>
        </ActionForm>
        <ActionForm
          action={setPublishWithoutReviewAction.bind(null, school.id, !school.publishWithoutReview)}
          submitLabel={school.publishWithoutReview ? "Require review" : "Publish without review"}
          variant="secondary"
          className="flex flex-wrap items-center gap-3"
          aria-label="Review setting"
        >
          <span className="text-sm">
            {school.publishWithoutReview ? "Edits to live listings go live at once." : "Edits to live listings wait for review."}
          </span>
        </ActionForm>
      </section>

      <section aria-labelledby="listings">
        <h2 id="listings" className="text-lg font-semibold">Listings ({programs.length})</h2>
        <p className="text-sm text-muted">A sponsored listing is labelled and shown before the others, rank 1 first. Leave the rank empty for not sponsored.</p>
        {programs.length === 0 ? <p className="text-sm">No programs yet.</p> : null}
        <ul className="mt-2 space-y-3">
          {programs.map((p) => (
            <li key={p.id} className="rounded-md border border-slate-200 p-3">
              <p className="font-medium">
                {p.title} <span className="text-sm font-normal text-muted">({p.status.replace("_", " ")})</span>
              </p>
              <ActionForm
                action={setSponsoredRankAction.bind(null, school.id, p.id)}
                submitLabel="Save placement"
                variant="secondary"
                className="mt-2 flex flex-wrap items-end gap-3"
                aria-label={`Sponsored placement for ${p.title}`}
              >
                <Field name="rank" label="Sponsored rank" type="number" defaultValue={p.sponsoredRank} idPrefix={`program-${p.id}`} />
              </ActionForm>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="edit" className="max-w-2xl">
        <h2 id="edit" className="text-lg font-semibold">Details</h2>
        <ActionForm action={updateSchoolAction.bind(null, school.id)} submitLabel="Save details" aria-label="School details">
          <OpsSchoolFields values={school} />
        </ActionForm>
      </section>

      <section aria-labelledby="members">
        <h2 id="members" className="text-lg font-semibold">Members ({members.length})</h2>
        {members.length === 0 ? <p className="text-sm">Nobody yet.</p> : null}
        {members.length > 0 ? (
          <table className="mt-2 w-full text-left text-sm">
            <caption className="sr-only">Members of {school.name}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Access</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId} className="border-b border-slate-100">
                  <td className="py-1">{m.email}</td>
                  <td>{m.name ?? "–"}</td>
                  <td>{m.role === "admin" ? "Admin" : "Member"}</td>
                  <td>{m.disabledAt ? "Disabled" : "Active"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {openInvitations.length > 0 ? (
          <>
            <h3 className="mt-4 font-semibold">Open invitations</h3>
            <ul className="text-sm">
              {openInvitations.map((i) => (
                <li key={i.id}>
                  {i.email} ({i.role}), expires {utc(i.expiresAt)} UTC
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="invite" className="max-w-2xl">
        <h2 id="invite" className="text-lg font-semibold">Invite an admin</h2>
        <ActionForm action={inviteFirstAdmin} submitLabel="Send invitation" aria-label="Invite an admin">
          <InviteAdminFields schoolId={school.id} />
        </ActionForm>
      </section>
    </div>
  );
}
