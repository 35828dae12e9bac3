import { parse } from "csv-parse/sync";
import { z } from "zod";

/*
 * BLS figures uploaded as CSV by an operator (format: docs/bls-import.md, samples in public/samples).
 * Column names are those of the BLS Occupational Employment and Wage Statistics (OEWS) data files,
 * so a BLS export filtered to one occupation can be uploaded as it is; columns we do not use are
 * ignored. Every row is checked here, and nothing is applied unless every row passes.
 */

export const BLS_IMPORT_MAX_BYTES = 512 * 1024;
export const BLS_IMPORT_MAX_ROWS = 2000;

export const importKinds = ["metro", "industry"] as const;
export type ImportKind = (typeof importKinds)[number];

export type MetroImportRow = {
  line: number;
  areaCode: string;
  areaTitle: string;
  principalCities: string[];
  states: string[];
  employment: number;
  annualMedianSalary: number;
};

export type IndustryImportRow = {
  line: number;
  naics: string | null;
  industry: string;
  employment: number;
  sharePercent: number;
  annualMedianSalary: number;
};

export type ImportRow = MetroImportRow | IndustryImportRow;
export type RowError = { line: number; column: string | null; message: string };
export type ParsedImport<R> = { rows: R[]; errors: RowError[] };

/** The columns of each table: required ones, and the optional ones that are checked when present. */
export const IMPORT_COLUMNS = {
  metro: {
    required: ["AREA", "AREA_TITLE", "TOT_EMP", "A_MEDIAN"],
    optional: ["OCC_CODE", "H_MEDIAN", "A_PCT10", "A_PCT25", "A_PCT75", "A_PCT90", "H_PCT10", "H_PCT25", "H_PCT75", "H_PCT90"],
  },
  industry: {
    required: ["NAICS_TITLE", "TOT_EMP", "PCT_OF_OCC", "A_MEDIAN"],
    optional: ["NAICS", "OCC_CODE", "PCT_TOTAL", "H_MEDIAN"],
  },
} as const satisfies Record<ImportKind, { required: readonly string[]; optional: readonly string[] }>;

/* --------------------------------------------------------------- cells */

/** BLS marks: "*" wage not published, "**" employment not published, "#" wage at or above the top bracket. */
const SUPPRESSED: Record<string, string> = {
  "*": "BLS did not publish this wage (*); leave the row out.",
  "**": "BLS did not publish this employment figure (**); leave the row out.",
  "#": "BLS shows only that the wage is above its top bracket (#); leave the row out or enter the figure.",
};

const numeric = (value: string) => value.replace(/[$,\s]/g, "").replace(/%$/, "");

/** A whole number, "7,700" and "$41,410" included. */
const wholeNumber = (what: string, max: number) =>
  z.string().transform((raw, ctx) => {
    const value = raw.trim();
    if (value === "") {
      ctx.addIssue({ code: "custom", message: `Enter the ${what}.` });
      return z.NEVER;
    }
    if (SUPPRESSED[value]) {
      ctx.addIssue({ code: "custom", message: SUPPRESSED[value] });
      return z.NEVER;
    }
    const n = numeric(value);
    if (!/^\d+$/.test(n) || Number(n) > max) {
      ctx.addIssue({ code: "custom", message: `“${value}” is not a whole number for the ${what}.` });
      return z.NEVER;
    }
    return Number(n);
  });

/** A figure that may be a decimal (an hourly wage, a percent), or empty when the column is optional. */
const decimal = (what: string, max: number, optional: boolean) =>
  z.string().transform((raw, ctx) => {
    const value = raw.trim();
    if (value === "") {
      if (optional) return null;
      ctx.addIssue({ code: "custom", message: `Enter the ${what}.` });
      return z.NEVER;
    }
    if (SUPPRESSED[value]) {
      if (optional) return null;
      ctx.addIssue({ code: "custom", message: SUPPRESSED[value] });
      return z.NEVER;
    }
    const n = numeric(value);
    if (!/^\d+(\.\d+)?$/.test(n) || Number(n) > max) {
      ctx.addIssue({ code: "custom", message: `“${value}” is not a number for the ${what}.` });
      return z.NEVER;
    }
    return Number(n);
  });

const optionalCell = z
  .string()
  .optional()
  .transform((v) => v ?? "");

/** "Los Angeles-Long Beach-Anaheim, CA": principal cities before the comma, states after it. */
const MSA_TITLE = /^([^,]+), ([A-Z]{2}(?:-[A-Z]{2})*)$/;

const metroRowSchema = z
  .object({
    AREA: z
      .string()
      .trim()
      .regex(/^\d{5}$/, "Use the 5-digit metro area (CBSA) code, e.g. 31080. Nonmetropolitan areas and states are not shown on profiles."),
    AREA_TITLE: z
      .string()
      .trim()
      .min(1, "Enter the metro area's name.")
      .max(150, "Use at most 150 characters.")
      .regex(MSA_TITLE, "Write the name as BLS does: principal cities joined by hyphens, a comma, then the states, e.g. “Dallas-Fort Worth-Arlington, TX”."),
    TOT_EMP: wholeNumber("employment", 100_000_000),
    A_MEDIAN: wholeNumber("annual median wage", 10_000_000),
    H_MEDIAN: decimal("hourly median wage", 10_000, true).optional(),
    A_PCT10: decimal("10th percentile annual wage", 10_000_000, true).optional(),
    A_PCT25: decimal("25th percentile annual wage", 10_000_000, true).optional(),
    A_PCT75: decimal("75th percentile annual wage", 10_000_000, true).optional(),
    A_PCT90: decimal("90th percentile annual wage", 10_000_000, true).optional(),
    H_PCT10: decimal("10th percentile hourly wage", 10_000, true).optional(),
    H_PCT25: decimal("25th percentile hourly wage", 10_000, true).optional(),
    H_PCT75: decimal("75th percentile hourly wage", 10_000, true).optional(),
    H_PCT90: decimal("90th percentile hourly wage", 10_000, true).optional(),
    OCC_CODE: optionalCell,
  })
  .superRefine((row, ctx) => {
    // The annual percentiles, where given, must rise through the median.
    const ladder: [string, number | null | undefined][] = [
      ["A_PCT10", row.A_PCT10],
      ["A_PCT25", row.A_PCT25],
      ["A_MEDIAN", row.A_MEDIAN],
      ["A_PCT75", row.A_PCT75],
      ["A_PCT90", row.A_PCT90],
    ];
    const given = ladder.filter((x): x is [string, number] => typeof x[1] === "number");
    for (let i = 1; i < given.length; i++) {
      const [prevName, prev] = given[i - 1]!;
      const [name, value] = given[i]!;
      if (value < prev) {
        ctx.addIssue({ code: "custom", path: [name], message: `${name} (${value}) is below ${prevName} (${prev}); percentiles must rise.` });
        return;
      }
    }
  });

const industryRowSchema = z.object({
  NAICS: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^[0-9A-Z-]{2,8}$/.test(v), "Use the NAICS code as BLS writes it, e.g. 622000."),
  NAICS_TITLE: z.string().trim().min(2, "Enter the industry's name.").max(120, "Use at most 120 characters."),
  TOT_EMP: wholeNumber("employment", 100_000_000),
  PCT_OF_OCC: decimal("percent of the occupation's jobs", 100, false),
  A_MEDIAN: wholeNumber("annual median wage", 10_000_000),
  PCT_TOTAL: decimal("percent of industry employment", 100, true).optional(),
  H_MEDIAN: decimal("hourly median wage", 10_000, true).optional(),
  OCC_CODE: optionalCell,
});

/* --------------------------------------------------------------- file */

/** Header names as BLS writes them, whatever the case or surrounding spaces. */
const normalizeHeader = (h: string) => h.trim().toUpperCase().replace(/[\s-]+/g, "_");

function readCsv(text: string): { header: string[]; records: { line: number; cells: Record<string, string> }[] } | RowError {
  let output: { info: { lines: number }; record: string[] }[];
  try {
    output = parse(text, { bom: true, skip_empty_lines: true, info: true, relax_quotes: false, trim: false }) as never;
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return { line: e.lines ?? 1, column: null, message: `The file is not valid CSV: ${e.message ?? "unreadable"}.` };
  }
  if (output.length === 0) return { line: 1, column: null, message: "The file is empty: the first line must name the columns." };
  const [head, ...rest] = output;
  const header = head!.record.map(normalizeHeader);
  return {
    header,
    records: rest.map(({ info, record }) => ({
      line: info.lines,
      cells: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ""])),
    })),
  };
}

/**
 * Parses and checks an upload. `socCodes` are the occupation's codes: an OCC_CODE column, when
 * present, must name one of them (a file for the wrong occupation is refused).
 */
export function parseBlsCsv(kind: "metro", text: string, socCodes: string[]): ParsedImport<MetroImportRow>;
export function parseBlsCsv(kind: "industry", text: string, socCodes: string[]): ParsedImport<IndustryImportRow>;
export function parseBlsCsv(kind: ImportKind, text: string, socCodes: string[]): ParsedImport<ImportRow>;
export function parseBlsCsv(kind: ImportKind, text: string, socCodes: string[]): ParsedImport<ImportRow> {
  const csv = readCsv(text);
  if ("message" in csv) return { rows: [], errors: [csv] };
  const { required } = IMPORT_COLUMNS[kind];
  const missing = required.filter((c) => !csv.header.includes(c));
  if (missing.length > 0) {
    return {
      rows: [],
      errors: missing.map((c) => ({ line: 1, column: c, message: `The header has no ${c} column (found: ${csv.header.join(", ") || "nothing"}).` })),
    };
  }
  const duplicateHeader = csv.header.find((h, i) => csv.header.indexOf(h) !== i);
  if (duplicateHeader) return { rows: [], errors: [{ line: 1, column: duplicateHeader, message: `The header names ${duplicateHeader} twice.` }] };
  if (csv.records.length === 0) return { rows: [], errors: [{ line: 2, column: null, message: "The file has a header but no rows." }] };
  if (csv.records.length > BLS_IMPORT_MAX_ROWS) {
    return { rows: [], errors: [{ line: BLS_IMPORT_MAX_ROWS + 2, column: null, message: `At most ${BLS_IMPORT_MAX_ROWS} rows can be imported at once.` }] };
  }

  const errors: RowError[] = [];
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  const codes = socCodes.filter(Boolean);
  for (const { line, cells } of csv.records) {
    const occ = (cells.OCC_CODE ?? "").trim();
    if (occ !== "" && codes.length > 0 && !codes.includes(occ)) {
      errors.push({ line, column: "OCC_CODE", message: `This row is for occupation ${occ}; this career is ${codes.join(" / ")}.` });
      continue;
    }
    if (kind === "metro") {
      const parsed = metroRowSchema.safeParse(cells);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) errors.push({ line, column: String(issue.path[0] ?? "") || null, message: issue.message });
        continue;
      }
      const r = parsed.data;
      const earlier = seen.get(r.AREA);
      if (earlier !== undefined) {
        errors.push({ line, column: "AREA", message: `Area ${r.AREA} is also on line ${earlier}.` });
        continue;
      }
      seen.set(r.AREA, line);
      const [, cities, states] = MSA_TITLE.exec(r.AREA_TITLE)!;
      rows.push({
        line,
        areaCode: r.AREA,
        areaTitle: r.AREA_TITLE,
        principalCities: cities!.split("-").map((c) => c.trim()),
        states: states!.split("-"),
        employment: r.TOT_EMP,
        annualMedianSalary: r.A_MEDIAN,
      });
    } else {
      const parsed = industryRowSchema.safeParse(cells);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) errors.push({ line, column: String(issue.path[0] ?? "") || null, message: issue.message });
        continue;
      }
      const r = parsed.data;
      const key = r.NAICS_TITLE.toLowerCase();
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        errors.push({ line, column: "NAICS_TITLE", message: `“${r.NAICS_TITLE}” is also on line ${earlier}.` });
        continue;
      }
      seen.set(key, line);
      rows.push({
        line,
        naics: r.NAICS || null,
        industry: r.NAICS_TITLE,
        employment: r.TOT_EMP,
        sharePercent: Math.round(r.PCT_OF_OCC ?? 0),
        annualMedianSalary: r.A_MEDIAN,
      });
    }
  }
  return errors.length > 0 ? { rows: [], errors } : { rows, errors };
}

/* --------------------------------------------------------------- form */

const currentYear = new Date().getUTCFullYear();

/** The upload form's fields besides the file (the file is checked by `checkUpload`). */
export const blsImportFormSchema = z.object({
  kind: z.enum(importKinds, { message: "Choose the metro area table or the industry table." }),
  year: z.coerce
    .number({ message: "Enter the survey year, e.g. 2016." })
    .int("Enter the survey year, e.g. 2016.")
    .min(1997, "BLS OEWS figures start in 1997.")
    .max(currentYear + 1, "That year has not been published yet."),
  source: z.string().trim().min(5, "Name the source, e.g. “U.S. Bureau of Labor Statistics, Occupational Employment Statistics, May 2016”.").max(300, "Use at most 300 characters."),
});
export type BlsImportForm = z.output<typeof blsImportFormSchema>;

/** The uploaded file: present, CSV-ish, under the size limit. */
export const blsUploadSchema = z
  .instanceof(File, { message: "Choose a CSV file to upload." })
  .refine((f) => f.size > 0, "Choose a CSV file to upload; this one is empty.")
  .refine((f) => f.size <= BLS_IMPORT_MAX_BYTES, `The file is larger than ${BLS_IMPORT_MAX_BYTES / 1024} KB. Upload one occupation's rows only.`)
  .refine((f) => f.name === "" || /\.(csv|txt)$/i.test(f.name), "Upload a .csv file.");

export const defaultSource = (year: number) => `U.S. Bureau of Labor Statistics, Occupational Employment Statistics, May ${year}`;
