import { z } from "zod";

/*
 * The operator's career editor. Text sections are typed into text areas: paragraphs are separated
 * by a blank line, list items by a line break, and the two structured lists put their parts on one
 * line separated by " | ". The schema turns that text into the profile's `sections` shape.
 */

const SOC = /^\d{2}-\d{4}$/;

const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

function paragraphsOf(value: string): string[] {
  return value
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, " ").trim())
    .filter(Boolean);
}

function linesOf(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

const ITEM_MAX = 2000;

/** Paragraphs separated by blank lines; `min` of them required. */
const paragraphs = (label: string, min = 1) =>
  z
    .string()
    .max(20_000, "Use at most 20,000 characters.")
    .transform(paragraphsOf)
    .refine((items) => items.length >= min, `Write at least one paragraph of ${label}.`)
    .refine((items) => items.every((p) => p.length <= ITEM_MAX), `Keep each paragraph under ${ITEM_MAX} characters.`);

/** One item a line. */
const lines = (label: string, min = 1) =>
  z
    .string()
    .max(20_000, "Use at most 20,000 characters.")
    .transform(linesOf)
    .refine((items) => items.length >= min, `List at least one ${label}, one a line.`)
    .refine((items) => items.every((l) => l.length <= 400), "Keep each line under 400 characters.");

/** Lines of `parts` pieces separated by "|"; the message names the first bad line. */
function piped<T>(parts: number, shape: string, build: (pieces: string[]) => T) {
  return z
    .string()
    .max(20_000, "Use at most 20,000 characters.")
    .transform((value, ctx) => {
      const out: T[] = [];
      for (const [i, line] of linesOf(value).entries()) {
        const pieces = line.split("|").map((p) => p.trim());
        if (pieces.length !== parts || pieces.some((p) => p === "")) {
          ctx.addIssue({ code: "custom", message: `Line ${i + 1}: write it as ${shape}.` });
          return z.NEVER;
        }
        out.push(build(pieces));
      }
      return out;
    });
}

const optionalSoc = z
  .string()
  .trim()
  .refine((v) => v === "" || SOC.test(v), "Write the SOC code as 00-0000.")
  .transform((v) => (v === "" ? null : v));

const year = (message: string) => z.coerce.number({ message }).int(message).min(1990, message).max(2100, message);
const jobs = z.coerce.number({ message: "Enter a whole number of jobs." }).int("Enter a whole number of jobs.").min(0, "Enter a whole number of jobs.").max(100_000_000, "That is more jobs than there are.");

/** The profile's national projection: all five fields, or none. */
const blankOr = (schema: z.ZodType, message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || schema.safeParse(v.replace(/,/g, "")).success, message);
const projectionFields = {
  projectionBaseYear: blankOr(year("x"), "Enter the first year of the projection."),
  projectionBaseJobs: blankOr(jobs, "Enter the jobs in the first year, a whole number."),
  projectionYear: blankOr(year("x"), "Enter the projected year."),
  projectionJobs: blankOr(jobs, "Enter the projected jobs, a whole number."),
  projectionSource: z.string().trim().max(300, "Use at most 300 characters."),
};

export const careerEditSchema = z
  .object({
    title: text(160).min(3, "Enter the career's title."),
    shortTitle: text(80).min(3, "Enter a short title, used in headings such as “Who employs …”."),
    summary: text(600).min(20, "Write a summary of at least 20 characters."),
    socCode2010: optionalSoc,
    socCode2018: optionalSoc,
    work: paragraphs("what the work involves"),
    recordContents: lines("item", 0),
    duties: lines("duty"),
    specialties: piped(2, "Name | description", ([name, description]) => ({ name: name!, description: description! })),
    workingConditions: paragraphs("working conditions"),
    outlook: paragraphs("job outlook"),
    training: paragraphs("training and education"),
    certifications: piped(3, "ACRONYM | Name | description", ([acronym, name, description]) => ({
      acronym: acronym!,
      name: name!,
      description: description!,
    })),
    employers: lines("employer"),
    ...projectionFields,
    dataSource: text(300).min(5, "Name the source of the figures."),
    dataYear: year("Enter the year of the figures, e.g. 2016."),
    sourceNote: text(2000).transform((v) => (v === "" ? null : v)),
    lastReviewedOn: z.iso.date("Enter the date as YYYY-MM-DD."),
    related: z.array(z.coerce.number().int().positive()).max(50, "Choose at most 50 related careers."),
  })
  .transform((data, ctx) => {
    const p = [data.projectionBaseYear, data.projectionBaseJobs, data.projectionYear, data.projectionJobs, data.projectionSource];
    let projection: { baseYear: number; baseJobs: number; projectedYear: number; projectedJobs: number; source: string } | undefined;
    if (p.some((v) => v !== "")) {
      const baseYear = year("Enter the first year of the projection.").safeParse(data.projectionBaseYear);
      const baseJobs = jobs.safeParse(data.projectionBaseJobs === "" ? undefined : data.projectionBaseJobs.replace(/,/g, ""));
      const projectedYear = year("Enter the projected year.").safeParse(data.projectionYear);
      const projectedJobs = jobs.safeParse(data.projectionJobs === "" ? undefined : data.projectionJobs.replace(/,/g, ""));
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      if (!baseYear.success) issue("projectionBaseYear", "Enter the first year of the projection.");
      if (!baseJobs.success) issue("projectionBaseJobs", "Enter the jobs in the first year, a whole number.");
      if (!projectedYear.success) issue("projectionYear", "Enter the projected year.");
      if (!projectedJobs.success) issue("projectionJobs", "Enter the projected jobs, a whole number.");
      if (data.projectionSource.length < 5) issue("projectionSource", "Name the source of the projection.");
      if (baseYear.success && projectedYear.success && projectedYear.data <= baseYear.data) {
        issue("projectionYear", "The projected year must come after the first year.");
      }
      if (baseYear.success && baseJobs.success && projectedYear.success && projectedJobs.success && projectedYear.data > baseYear.data && data.projectionSource.length >= 5) {
        projection = {
          baseYear: baseYear.data,
          baseJobs: baseJobs.data,
          projectedYear: projectedYear.data,
          projectedJobs: projectedJobs.data,
          source: data.projectionSource,
        };
      } else {
        return z.NEVER;
      }
    }
    return {
      title: data.title,
      shortTitle: data.shortTitle,
      summary: data.summary,
      socCode2010: data.socCode2010,
      socCode2018: data.socCode2018,
      dataSource: data.dataSource,
      dataYear: data.dataYear,
      sourceNote: data.sourceNote,
      lastReviewedOn: data.lastReviewedOn,
      related: [...new Set(data.related)],
      sections: {
        work: data.work,
        ...(data.recordContents.length > 0 ? { recordContents: data.recordContents } : {}),
        duties: data.duties,
        specialties: data.specialties,
        workingConditions: data.workingConditions,
        outlook: data.outlook,
        ...(projection ? { projection } : {}),
        training: data.training,
        certifications: data.certifications,
        employers: data.employers,
      },
    };
  });
export type CareerEdit = z.output<typeof careerEditSchema>;

/** The form fields' text for a stored profile: the inverse of `careerEditSchema`. */
export function careerFormValues(o: {
  title: string;
  shortTitle: string;
  summary: string;
  socCode2010: string | null;
  socCode2018: string | null;
  dataSource: string;
  dataYear: number;
  sourceNote: string | null;
  lastReviewedOn: string;
  sections: {
    work: string[];
    recordContents?: string[];
    duties: string[];
    specialties: { name: string; description: string }[];
    workingConditions: string[];
    outlook: string[];
    projection?: { baseYear: number; baseJobs: number; projectedYear: number; projectedJobs: number; source: string };
    training: string[];
    certifications: { acronym: string; name: string; description: string }[];
    employers: string[];
  };
}): Record<string, string> {
  const s = o.sections;
  return {
    title: o.title,
    shortTitle: o.shortTitle,
    summary: o.summary,
    socCode2010: o.socCode2010 ?? "",
    socCode2018: o.socCode2018 ?? "",
    work: s.work.join("\n\n"),
    recordContents: (s.recordContents ?? []).join("\n"),
    duties: s.duties.join("\n"),
    specialties: s.specialties.map((x) => `${x.name} | ${x.description}`).join("\n"),
    workingConditions: s.workingConditions.join("\n\n"),
    outlook: s.outlook.join("\n\n"),
    training: s.training.join("\n\n"),
    certifications: s.certifications.map((c) => `${c.acronym} | ${c.name} | ${c.description}`).join("\n"),
    employers: s.employers.join("\n"),
    projectionBaseYear: s.projection ? String(s.projection.baseYear) : "",
    projectionBaseJobs: s.projection ? String(s.projection.baseJobs) : "",
    projectionYear: s.projection ? String(s.projection.projectedYear) : "",
    projectionJobs: s.projection ? String(s.projection.projectedJobs) : "",
    projectionSource: s.projection?.source ?? "",
    dataSource: o.dataSource,
    dataYear: String(o.dataYear),
    sourceNote: o.sourceNote ?? "",
    lastReviewedOn: o.lastReviewedOn,
  };
}

/** A new career: the essentials; the sections are written afterwards in the editor. */
export const newCareerSchema = z.object({
  title: text(160).min(3, "Enter the career's title."),
  shortTitle: text(80).min(3, "Enter a short title, used in headings such as “Who employs …”."),
  slug: z
    .string()
    .trim()
    .max(120, "Use at most 120 characters.")
    .refine((v) => v === "" || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v), "Use lower-case letters, digits and single hyphens, e.g. medical-coders."),
  summary: text(600).min(20, "Write a summary of at least 20 characters."),
  socCode2018: optionalSoc,
});
export type NewCareer = z.output<typeof newCareerSchema>;

export function slugifyTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120)
    .replace(/-+$/g, "");
}
