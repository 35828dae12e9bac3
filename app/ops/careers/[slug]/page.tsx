import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, CheckboxGroup, Field } from "@/components/school/action-form";
import { getCareerForOps } from "@/db/queries/ops-careers";
import { pageOperator } from "@/lib/authz";
import { careerFormValues } from "@/lib/validations/ops-careers";
import { updateCareerAction } from "../actions";

export const metadata: Metadata = { title: "Edit career" };

function Group({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-300 p-4">
      <legend className="px-1 font-semibold">{title}</legend>
      {hint ? <p className="text-sm text-muted">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

export default async function OpsCareerPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await pageOperator();
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) notFound();
  const found = await getCareerForOps(slug);
  if (!found) notFound();
  const { career, relatedIds, others } = found;
  const v = careerFormValues(career);
  const created = (await searchParams).created === "1";
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/ops/careers">All careers</Link>
        </p>
        <h1 className="text-2xl font-bold">{career.title}</h1>
        {created ? (
          <p role="status" className="mt-2 rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
            Career created. Write its sections below.
          </p>
        ) : null}
        <ul className="mt-2 flex flex-wrap gap-x-5 text-sm">
          <li>
            <Link href={`/careers/${career.slug}`}>Public profile</Link>
          </li>
          <li>
            <Link href={`/ops/careers/${career.slug}/import`}>Import BLS figures (CSV)</Link>
          </li>
          <li>
            <Link href={`/ops/audit?action=career.`}>Audit log of career changes</Link>
          </li>
        </ul>
      </div>

      <ActionForm action={updateCareerAction.bind(null, career.id)} submitLabel="Save career" aria-label="Career profile" className="max-w-3xl space-y-6">
        <Group title="Title and codes">
          <div className="grid gap-3 sm:grid-cols-2">
            <Field name="title" label="Title" defaultValue={v.title} required />
            <Field name="shortTitle" label="Short title" defaultValue={v.shortTitle} required />
            <Field name="socCode2010" label="SOC 2010 code" defaultValue={v.socCode2010} hint="00-0000, or empty" />
            <Field name="socCode2018" label="SOC 2018 code" defaultValue={v.socCode2018} hint="00-0000, or empty" />
          </div>
          <Field name="summary" label="Summary" defaultValue={v.summary} multiline required />
        </Group>

        <Group title="Text sections" hint="Separate paragraphs with an empty line. In lists, put one item on each line.">
          <Field name="work" label="What the work involves (paragraphs)" defaultValue={v.work} multiline required />
          <Field name="recordContents" label="What a patient record holds (list, optional)" defaultValue={v.recordContents} multiline />
          <Field name="duties" label="Typical duties (list)" defaultValue={v.duties} multiline required />
          <Field name="specialties" label="Specialties (one a line: Name | description)" defaultValue={v.specialties} multiline />
          <Field name="workingConditions" label="Working conditions (paragraphs)" defaultValue={v.workingConditions} multiline required />
          <Field name="outlook" label="Job outlook (paragraphs)" defaultValue={v.outlook} multiline required />
          <Field name="training" label="Training and education (paragraphs)" defaultValue={v.training} multiline required />
          <Field name="certifications" label="Certifications (one a line: ACRONYM | Name | description)" defaultValue={v.certifications} multiline />
          <Field name="employers" label="Employers (list)" defaultValue={v.employers} multiline required />
        </Group>

        <Group title="National projection" hint="All five fields, or leave them all empty for no projection.">
          <div className="grid gap-3 sm:grid-cols-2">
            <Field name="projectionBaseYear" label="First year" type="number" defaultValue={v.projectionBaseYear} />
            <Field name="projectionBaseJobs" label="Jobs in the first year" defaultValue={v.projectionBaseJobs} />
            <Field name="projectionYear" label="Projected year" type="number" defaultValue={v.projectionYear} />
            <Field name="projectionJobs" label="Projected jobs" defaultValue={v.projectionJobs} />
          </div>
          <Field name="projectionSource" label="Source of the projection" defaultValue={v.projectionSource} />
        </Group>

        <Group title="About the figures" hint="Metro area and industry figures are imported from a BLS CSV file (link above).">
          <div className="grid gap-3 sm:grid-cols-2">
            <Field name="dataSource" label="Source of the figures" defaultValue={v.dataSource} required />
            <Field name="dataYear" label="Year of the figures" type="number" defaultValue={v.dataYear} required />
            <Field name="lastReviewedOn" label="Last reviewed on" type="date" defaultValue={v.lastReviewedOn} required />
          </div>
          <Field name="sourceNote" label="Note about the figures (optional)" defaultValue={v.sourceNote} multiline />
        </Group>

        <Group title="Related careers" hint="Listed at the end of this profile. The link goes one way: other profiles are not changed.">
          {others.length === 0 ? (
            <p className="text-sm">There are no other careers yet.</p>
          ) : (
            <CheckboxGroup name="related" legend="Related careers" options={others.map((o) => ({ value: String(o.id), label: o.title }))} defaultValues={relatedIds.map(String)} />
          )}
        </Group>
      </ActionForm>
    </div>
  );
}
