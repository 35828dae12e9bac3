import type { Metadata } from "next";
import { GetField, GetForm, GetSelect, Pager, utc } from "@/components/ops/get-form";
import { listAuditActions, listAuditPage } from "@/db/queries/ops-audit";
import { listSchoolsForOps } from "@/db/queries/ops-schools";
import { pageOperator } from "@/lib/authz";
import { auditFilterSchema, parseGet } from "@/lib/validations/ops-audit";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await pageOperator();
  const { raw, data, fieldErrors } = parseGet(auditFilterSchema, await searchParams);
  const filter = data ?? { page: 1 };
  const page = filter.page;
  const [{ rows, total }, actions, schools] = await Promise.all([
    listAuditPage(
      {
        action: data?.action,
        actor: data?.actor,
        schoolId: data?.school,
        from: data?.from ? new Date(`${data.from}T00:00:00Z`) : undefined,
        to: data?.to ? new Date(Date.parse(`${data.to}T00:00:00Z`) + DAY_MS) : undefined,
      },
      { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    ),
    listAuditActions(),
    listSchoolsForOps(),
  ]);
  const prefixes = [...new Set(actions.map((a) => `${a.split(".")[0]}.`))];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <GetForm label="Filter the audit log">
        <GetSelect
          name="action"
          label="Action"
          value={raw.action}
          error={fieldErrors.action}
          options={[...prefixes.map((p) => ({ value: p, label: `${p}* (all)` })), ...actions.map((a) => ({ value: a, label: a }))]}
        />
        <GetField name="actor" label="Actor's email contains" value={raw.actor} error={fieldErrors.actor} />
        <GetSelect name="school" label="School" value={raw.school} error={fieldErrors.school} options={schools.map((s) => ({ value: String(s.id), label: s.name }))} />
        <GetField name="from" label="First day" type="date" value={raw.from} error={fieldErrors.from} />
        <GetField name="to" label="Last day" type="date" value={raw.to} error={fieldErrors.to} />
      </GetForm>
      {data ? null : <p role="alert" className="text-sm">The filter was not valid, so every event is shown.</p>}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2">When (UTC)</th>
            <th scope="col">Action</th>
            <th scope="col">Actor</th>
            <th scope="col">School</th>
            <th scope="col">Subject</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100 align-top">
              <td className="py-1 whitespace-nowrap">{utc(r.createdAt)}</td>
              <td>{r.action}</td>
              <td>{r.actorEmail ?? "–"}</td>
              <td>{r.schoolName ?? "–"}</td>
              <td>{r.subjectType ? `${r.subjectType} ${r.subjectId ?? ""}` : "–"}</td>
              <td className="max-w-xs break-words font-mono text-xs">{Object.keys(r.metadata).length > 0 ? JSON.stringify(r.metadata) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p>No events match.</p> : null}
      <Pager
        path="/ops/audit"
        params={data ? { action: data.action, actor: data.actor, school: data.school ? String(data.school) : undefined, from: data.from, to: data.to } : {}}
        page={page}
        pageSize={PAGE_SIZE}
        total={total}
      />
    </div>
  );
}
