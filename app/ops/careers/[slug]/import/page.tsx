import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCareerForImport } from "@/db/queries/ops-careers";
import { pageOperator } from "@/lib/authz";
import { BLS_IMPORT_MAX_BYTES, BLS_IMPORT_MAX_ROWS, defaultSource } from "@/lib/validations/ops-bls-import";
import { applyImportAction, previewImportAction } from "../../actions";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import BLS figures" };

function Columns({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([name, meaning]) => (
        <div key={name} className="contents">
          <dt className="font-mono font-semibold">{name}</dt>
          <dd>{meaning}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function OpsCareerImportPage({ params }: { params: Promise<{ slug: string }> }) {
  await pageOperator();
  const { slug } = await params;
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) notFound();
  const career = await getCareerForImport(slug);
  if (!career) notFound();
  const year = career.dataYear;
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/ops/careers/${career.slug}`}>Back to {career.title}</Link>
        </p>
        <h1 className="text-2xl font-bold">Import BLS figures: {career.title}</h1>
        <p className="mt-2 text-sm">
          Upload the metro area table or the industry table of this career as CSV. You see what would change before
          anything is saved; the upload replaces the rows of that table for the survey year you enter (rows the file
          leaves out are removed). The profile shows the newest year it has.
        </p>
      </div>

      <section aria-labelledby="format" className="space-y-3 rounded-lg bg-slate-50 p-4">
        <h2 id="format" className="text-lg font-semibold">File format</h2>
        <p className="text-sm">
          The first line names the columns, as in the BLS Occupational Employment and Wage Statistics (OEWS) data files
          (any case). Other columns are ignored, so a BLS file filtered to {career.socCode2018 ?? career.socCode2010 ?? "this occupation"} can be
          uploaded as it is. Figures may have thousands separators and a $ sign; BLS&apos;s marks for unpublished figures
          (*, **, #) are refused with a message. At most {BLS_IMPORT_MAX_ROWS} rows and {BLS_IMPORT_MAX_BYTES / 1024} KB.
        </p>
        <h3 className="font-semibold">Metro area table</h3>
        <Columns
          rows={[
            ["AREA", "Metro area (CBSA) code, 5 digits, e.g. 31080. New codes create the metro area."],
            ["AREA_TITLE", "Its name as BLS writes it: “Los Angeles-Long Beach-Anaheim, CA”."],
            ["TOT_EMP", "Employment of the occupation in the area."],
            ["A_MEDIAN", "Annual median wage, in dollars."],
            ["OCC_CODE", "Optional: the SOC code; a row for another occupation is refused."],
            ["H_MEDIAN, A_PCT10 … A_PCT90, H_PCT10 … H_PCT90", "Optional: checked (percentiles must rise through the median), not shown on the profile."],
          ]}
        />
        <h3 className="font-semibold">Industry table</h3>
        <Columns
          rows={[
            ["NAICS_TITLE", "The industry, e.g. “Hospitals”. Rows are matched by this name (any case)."],
            ["TOT_EMP", "Employment of the occupation in the industry."],
            ["PCT_OF_OCC", "Percent of the occupation's jobs in this industry (rounded to a whole percent). Not a BLS column: BLS's PCT_TOTAL is the share of the industry's own employment."],
            ["A_MEDIAN", "Annual median wage, in dollars."],
            ["NAICS, PCT_TOTAL, H_MEDIAN, OCC_CODE", "Optional: checked, not shown."],
          ]}
        />
        <p className="text-sm">
          Samples (the May 2016 figures of medical records technicians):{" "}
          <a href="/samples/bls-metro-areas.csv" download>
            metro area sample CSV
          </a>
          ,{" "}
          <a href="/samples/bls-industries.csv" download>
            industry sample CSV
          </a>
          .
        </p>
      </section>

      <ImportForm
        preview={previewImportAction.bind(null, career.slug)}
        apply={applyImportAction.bind(null, career.slug)}
        maxBytes={BLS_IMPORT_MAX_BYTES}
        defaults={{ year: String(year), source: defaultSource(year) }}
        profileHref={`/careers/${career.slug}`}
      />
    </div>
  );
}
