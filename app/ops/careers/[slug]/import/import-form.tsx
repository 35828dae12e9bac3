"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import type { DiffRow, ImportDiff } from "@/db/queries/ops-careers";
import type { RowError } from "@/lib/validations/ops-bls-import";
import { initialImportState, type ImportState } from "../../import-state";

type Action = (state: ImportState, form: FormData) => Promise<ImportState>;

const INPUT = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm";
const number = new Intl.NumberFormat("en-US");
const show = (field: string, v: string | number) =>
  typeof v === "number" ? (field === "annualMedianSalary" ? `$${number.format(v)}` : field === "sharePercent" ? `${v}%` : number.format(v)) : v;

function Message({ state }: { state: ImportState }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.message) ref.current?.focus();
  }, [state]);
  if (!state.message) return null;
  return (
    <p ref={ref} tabIndex={-1} role={state.ok ? "status" : "alert"} className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}>
      {state.message}
    </p>
  );
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="mt-1 text-sm text-red-800">
      {error}
    </p>
  ) : null;
}

function RowErrors({ errors }: { errors: RowError[] }) {
  const shown = errors.slice(0, 100);
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left font-semibold">Problems in the file{errors.length > shown.length ? ` (first ${shown.length} of ${errors.length})` : ""}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-3">Line</th>
            <th scope="col" className="pr-3">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e, i) => (
            <tr key={i} className="border-b border-slate-100">
              <td className="py-1 pr-3 tabular-nums">{e.line}</td>
              <td className="pr-3 font-mono">{e.column ?? "–"}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Rows({ title, rows, kind, changes }: { title: string; rows: DiffRow[]; kind: ImportDiff["kind"]; changes?: boolean }) {
  if (rows.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left font-semibold">
          {title} ({rows.length})
        </caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-1 pr-3">{kind === "metro" ? "Metro area" : "Industry"}</th>
            {changes ? (
              <th scope="col">Changes (old → new)</th>
            ) : (
              <>
                <th scope="col" className="pr-3 text-right">Employment</th>
                {kind === "industry" ? <th scope="col" className="pr-3 text-right">Share of jobs</th> : null}
                <th scope="col" className="text-right">Annual median wage</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-slate-100 align-top">
              <th scope="row" className="py-1 pr-3 font-normal">
                {r.label}
                {kind === "metro" ? <span className="text-muted"> ({r.key})</span> : null}
                {r.note ? <span className="block text-xs text-muted">{r.note}</span> : null}
              </th>
              {changes ? (
                <td>
                  <ul>
                    {r.changes.map((c) => (
                      <li key={c.field}>
                        {c.label}: {show(c.field, c.from)} → {show(c.field, c.to)}
                      </li>
                    ))}
                  </ul>
                </td>
              ) : (
                <>
                  <td className="pr-3 text-right tabular-nums">{number.format(r.employment)}</td>
                  {kind === "industry" ? <td className="pr-3 text-right tabular-nums">{r.sharePercent}%</td> : null}
                  <td className="text-right tabular-nums">${number.format(r.annualMedianSalary)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ApplyForm({ action, confirm, profileHref }: { action: Action; confirm: NonNullable<ImportState["confirm"]>; profileHref: string }) {
  const [state, formAction, pending] = useActionState(action, initialImportState);
  return (
    <form action={formAction} aria-label="Apply the import" className="space-y-3">
      <Message state={state} />
      {state.rowErrors && state.rowErrors.length > 0 ? <RowErrors errors={state.rowErrors} /> : null}
      {Object.entries(confirm).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.ok ? (
        <p className="text-sm">
          <a href={profileHref}>View the public profile</a>
        </p>
      ) : (
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white disabled:opacity-60">
          Apply these changes
        </button>
      )}
    </form>
  );
}

export function ImportForm({
  preview,
  apply,
  maxBytes,
  defaults,
  profileHref,
}: {
  preview: Action;
  apply: Action;
  maxBytes: number;
  defaults: { year: string; source: string };
  profileHref: string;
}) {
  const [state, formAction, pending] = useActionState(preview, initialImportState);
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const values = state.values ?? {};
  const fileError = tooLarge ?? state.fieldErrors.file;
  const diff = state.ok ? state.preview : undefined;
  return (
    <div className="space-y-6">
      <form
        action={formAction}
        aria-label="Upload BLS figures"
        className="space-y-4"
        encType="multipart/form-data"
        noValidate
        onSubmit={(event) => {
          // The server checks the size too; this spares a large upload that would be refused.
          const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
          if (file && file.size > maxBytes) {
            event.preventDefault();
            setTooLarge(`The file is larger than ${maxBytes / 1024} KB. Upload one occupation's rows only.`);
          } else setTooLarge(null);
        }}
      >
        <Message state={state.ok ? { ...state, message: "" } : state} />
        {!state.ok && state.rowErrors && state.rowErrors.length > 0 ? <RowErrors errors={state.rowErrors} /> : null}
        <div key={JSON.stringify(values) + state.message} className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="import-kind" className="block text-sm font-medium">
              Table
            </label>
            <select id="import-kind" name="kind" defaultValue={values.kind ?? "metro"} className={INPUT} aria-invalid={state.fieldErrors.kind ? true : undefined} aria-describedby={state.fieldErrors.kind ? "import-kind-error" : undefined}>
              <option value="metro">Metro areas</option>
              <option value="industry">Industries</option>
            </select>
            <FieldError id="import-kind-error" error={state.fieldErrors.kind} />
          </div>
          <div>
            <label htmlFor="import-year" className="block text-sm font-medium">
              Survey year
            </label>
            <input id="import-year" name="year" type="number" defaultValue={values.year ?? defaults.year} className={INPUT} aria-invalid={state.fieldErrors.year ? true : undefined} aria-describedby={state.fieldErrors.year ? "import-year-error" : undefined} />
            <FieldError id="import-year-error" error={state.fieldErrors.year} />
          </div>
          <div className="sm:col-span-2">
            <label htmlFor="import-source" className="block text-sm font-medium">
              Source
            </label>
            <input id="import-source" name="source" defaultValue={values.source ?? defaults.source} className={INPUT} aria-invalid={state.fieldErrors.source ? true : undefined} aria-describedby={state.fieldErrors.source ? "import-source-error" : undefined} />
            <FieldError id="import-source-error" error={state.fieldErrors.source} />
          </div>
          <div className="sm:col-span-2">
            <label htmlFor="import-file" className="block text-sm font-medium">
              CSV file
            </label>
            <input id="import-file" name="file" type="file" accept=".csv,text/csv" className={INPUT} aria-invalid={fileError ? true : undefined} aria-describedby={fileError ? "import-file-error" : undefined} />
            <FieldError id="import-file-error" error={fileError} />
          </div>
        </div>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white disabled:opacity-60">
          Preview changes
        </button>
      </form>

      {diff && state.confirm ? (
        <section aria-labelledby="preview-heading" className="space-y-4 rounded-lg border border-slate-300 p-4">
          <h2 id="preview-heading" className="text-lg font-semibold">
            Preview: {diff.kind === "metro" ? "metro areas" : "industries"}, {diff.year}
          </h2>
          <Message state={state} />
          {diff.latestYearBefore !== null && diff.latestYearBefore > diff.year ? (
            <p className="text-sm">The profile shows {diff.latestYearBefore} figures, which are newer: these rows will be stored but not shown.</p>
          ) : null}
          {diff.latestYearBefore !== null && diff.latestYearBefore < diff.year ? (
            <p className="text-sm">The profile will show these {diff.year} figures instead of its {diff.latestYearBefore} figures.</p>
          ) : null}
          <Rows title="Rows added" rows={diff.added} kind={diff.kind} />
          <Rows title="Rows changed" rows={diff.changed} kind={diff.kind} changes />
          <Rows title="Rows removed" rows={diff.removed} kind={diff.kind} />
          {diff.unchanged > 0 ? <p className="text-sm">{diff.unchanged} {diff.unchanged === 1 ? "row is" : "rows are"} unchanged.</p> : null}
          {diff.added.length + diff.changed.length + diff.removed.length > 0 ? (
            <ApplyForm key={state.confirm.signature} action={apply} confirm={state.confirm} profileHref={profileHref} />
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
