import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field } from "@/components/school/action-form";
import { utc } from "@/components/ops/get-form";
import { listCareersForOps } from "@/db/queries/ops-careers";
import { pageOperator } from "@/lib/authz";
import { createCareerAction } from "./actions";

export const metadata: Metadata = { title: "Careers" };

export default async function OpsCareersPage() {
  await pageOperator();
  const careers = await listCareersForOps();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Careers</h1>
      <p className="max-w-3xl text-sm">
        Edit a career profile&apos;s text, figures, projection and related careers, or import its metro area and industry
        tables from a BLS CSV file. Changes are shown on the public profile at once and recorded in the audit log.
      </p>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Career profiles</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2">Career</th>
            <th scope="col">SOC 2018</th>
            <th scope="col">Metro rows</th>
            <th scope="col">Industry rows</th>
            <th scope="col">Last changed (UTC)</th>
            <th scope="col">Public profile</th>
          </tr>
        </thead>
        <tbody>
          {careers.map((c) => (
            <tr key={c.id} className="border-b border-slate-100">
              <td className="py-1">
                <Link href={`/ops/careers/${c.slug}`}>{c.title}</Link>
              </td>
              <td>{c.socCode2018 ?? "–"}</td>
              <td>{c.metros}</td>
              <td>{c.industries}</td>
              <td>{utc(c.updatedAt)}</td>
              <td>
                <Link href={`/careers/${c.slug}`}>
                  View<span className="sr-only"> the public profile of {c.title}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="add-career" className="max-w-2xl">
        <h2 id="add-career" className="text-lg font-semibold">Add a career</h2>
        <p className="text-sm text-muted">The profile is public as soon as it is created; write its sections next.</p>
        <ActionForm action={createCareerAction} submitLabel="Create career" aria-label="Add a career">
          <div className="grid gap-3 sm:grid-cols-2">
            <Field name="title" label="Title" required />
            <Field name="shortTitle" label="Short title" hint="Used in headings, e.g. “Medical Records Technicians”." required />
            <Field name="slug" label="Address (optional)" hint="The part after /careers/; made from the title when left empty." />
            <Field name="socCode2018" label="SOC 2018 code (optional)" hint="00-0000" />
            <div className="sm:col-span-2">
              <Field name="summary" label="Summary" multiline required />
            </div>
          </div>
        </ActionForm>
      </section>
    </div>
  );
}
