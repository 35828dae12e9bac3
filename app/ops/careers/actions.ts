"use server";

import { createHash, timingSafeEqual } from "node:crypto";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath, updateTag } from "next/cache";
import { z } from "zod";
import {
  applyBlsImport,
  CareerSlugTakenError,
  createCareer,
  getCareerForImport,
  ImportRowsError,
  previewBlsImport,
  StaleImportError,
  UnknownRelatedCareerError,
  updateCareer,
} from "@/db/queries/ops-careers";
import { CAREERS_CACHE_TAG } from "@/db/queries/occupations";
import { done, failed, operatorAction, type FormState } from "@/lib/action";
import { requestIp } from "@/lib/auth/request-ip";
import { hmac } from "@/lib/leads/signing";
import {
  BLS_IMPORT_MAX_BYTES,
  blsImportFormSchema,
  blsUploadSchema,
  parseBlsCsv,
  type RowError,
} from "@/lib/validations/ops-bls-import";
import { careerEditSchema, newCareerSchema } from "@/lib/validations/ops-careers";
import type { ImportState } from "./import-state";

const str = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};

/**
 * The public pages that show a career: its profile, the index, and the sitemap. Cached profiles
 * (app/career-pages, other careers' "related" lists too) are built from reads tagged "careers".
 */
function expireCareerPages(slug: string) {
  updateTag(CAREERS_CACHE_TAG);
  revalidatePath(`/careers/${slug}`);
  revalidatePath("/careers");
  revalidatePath(`/ops/careers/${slug}`);
  revalidatePath("/ops/careers");
}

export async function createCareerAction(_prev: FormState, form: FormData): Promise<FormState> {
  let created: string | null = null;
  const input = { title: str(form, "title"), shortTitle: str(form, "shortTitle"), slug: str(form, "slug"), summary: str(form, "summary"), socCode2018: str(form, "socCode2018") };
  const result = await operatorAction(newCareerSchema, input, form, async (user, data) => {
    try {
      const career = await createCareer(data, { userId: user.id, ipAddress: requestIp(await headers()) });
      created = career.slug;
      return done("Career created.");
    } catch (error) {
      if (error instanceof CareerSlugTakenError) return failed("Please correct the highlighted fields.", { slug: "Another career already has this address; choose another." });
      throw error;
    }
  });
  if (created !== null) {
    expireCareerPages(created);
    redirect(`/ops/careers/${created}?created=1`);
  }
  return result;
}

const EDIT_FIELDS = [
  "title",
  "shortTitle",
  "summary",
  "socCode2010",
  "socCode2018",
  "work",
  "recordContents",
  "duties",
  "specialties",
  "workingConditions",
  "outlook",
  "training",
  "certifications",
  "employers",
  "projectionBaseYear",
  "projectionBaseJobs",
  "projectionYear",
  "projectionJobs",
  "projectionSource",
  "dataSource",
  "dataYear",
  "sourceNote",
  "lastReviewedOn",
] as const;

export async function updateCareerAction(careerId: number, _prev: FormState, form: FormData): Promise<FormState> {
  const input: Record<string, unknown> = Object.fromEntries(EDIT_FIELDS.map((f) => [f, str(form, f)]));
  input.related = form.getAll("related").filter((v): v is string => typeof v === "string");
  return operatorAction(careerEditSchema, input, form, async (user, data) => {
    try {
      const saved = await updateCareer(careerId, data, { userId: user.id, ipAddress: requestIp(await headers()) });
      if (!saved) return failed("This career no longer exists.");
      expireCareerPages(saved.slug);
      return { ok: true, fieldErrors: {}, message: saved.changed.length > 0 ? "Saved. The public profile shows the change now." : "Nothing changed." };
    } catch (error) {
      if (error instanceof UnknownRelatedCareerError) return failed("Please correct the highlighted fields.", { related: error.message });
      throw error;
    }
  });
}

/* ------------------------------------------------------------ BLS import */

/** A form sends a hidden field's line breaks as CRLF: the file is signed and parsed with LF only. */
const normalizeNewlines = (text: string) => text.replace(/\r\n?/g, "\n");

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Binds a preview to exactly what it showed: the career, the form, the file and the stored rows. */
function signPreview(slug: string, p: { kind: string; year: number; source: string; csv: string; baseline: string }) {
  return hmac("bls-import", [slug, p.kind, p.year, p.source, sha256(p.csv), p.baseline].join("\n"));
}

/** Reads, checks and diffs an upload; writes nothing. */
export async function previewImportAction(slug: string, _prev: ImportState, form: FormData): Promise<ImportState> {
  let state: ImportState | null = null;
  const input = { kind: str(form, "kind"), year: str(form, "year"), source: str(form, "source") };
  const schema = blsImportFormSchema.extend({ file: blsUploadSchema });
  const result = await operatorAction(schema, { ...input, file: form.get("file") }, form, async (_user, data) => {
    const career = await getCareerForImport(slug);
    if (!career) return failed("This career no longer exists.");
    const csv = normalizeNewlines(await data.file.text());
    const parsed = parseBlsCsv(data.kind, csv, [career.socCode2010, career.socCode2018].filter((c): c is string => Boolean(c)));
    if (parsed.errors.length > 0) {
      state = rowErrorState(parsed.errors, input);
      return failed(state.message);
    }
    const preview = await previewBlsImport(career.id, data.kind, data.year, data.source, parsed.rows);
    if ("errors" in preview) {
      state = rowErrorState(preview.errors, input);
      return failed(state.message);
    }
    const token = { kind: data.kind, year: data.year, source: data.source, csv, baseline: preview.baseline };
    const { added, removed, changed } = preview.diff;
    const message =
      added.length + removed.length + changed.length === 0
        ? "The file matches the stored figures: nothing would change."
        : `Preview: ${added.length} added, ${changed.length} changed, ${removed.length} removed. Nothing is saved until you apply it.`;
    state = {
      ok: true,
      fieldErrors: {},
      message,
      values: input,
      preview: preview.diff,
      confirm: { ...token, year: String(data.year), signature: signPreview(slug, token) },
    };
    return done(message);
  });
  return state ?? { ...result, values: input };
}

function rowErrorState(errors: RowError[], values: Record<string, string>): ImportState {
  const n = errors.length;
  return {
    ok: false,
    fieldErrors: {},
    message: `The file has ${n} ${n === 1 ? "problem" : "problems"}; nothing was changed. Correct ${n === 1 ? "it" : "them"} and upload the file again.`,
    rowErrors: errors,
    values,
  };
}

const applySchema = blsImportFormSchema.extend({
  csv: z.string().max(BLS_IMPORT_MAX_BYTES, "The file is too large."),
  baseline: z.string().regex(/^[0-9a-f]{64}$/, "Preview the file first."),
  signature: z.string().min(1, "Preview the file first."),
});

/**
 * Applies a previewed upload. Nothing from the preview is trusted: the signature must match what
 * was previewed, the file is parsed and checked again, and the stored rows must still be those the
 * preview was made from (checked under a lock, inside the transaction that writes).
 */
export async function applyImportAction(slug: string, _prev: ImportState, form: FormData): Promise<ImportState> {
  let rowErrors: RowError[] | undefined;
  const input = { kind: str(form, "kind"), year: str(form, "year"), source: str(form, "source"), csv: str(form, "csv"), baseline: str(form, "baseline"), signature: str(form, "signature") };
  const result = await operatorAction(applySchema, input, null, async (user, raw) => {
    const data = { ...raw, csv: normalizeNewlines(raw.csv) };
    const expected = signPreview(slug, { kind: data.kind, year: data.year, source: data.source, csv: data.csv, baseline: data.baseline });
    if (!sameText(expected, data.signature)) return failed("This preview does not match the file it was made from. Upload the file again.");
    const career = await getCareerForImport(slug);
    if (!career) return failed("This career no longer exists.");
    const parsed = parseBlsCsv(data.kind, data.csv, [career.socCode2010, career.socCode2018].filter((c): c is string => Boolean(c)));
    if (parsed.errors.length > 0) {
      rowErrors = parsed.errors;
      return failed("The file no longer passes the checks; nothing was changed.");
    }
    try {
      const diff = await applyBlsImport(
        { occupationId: career.id, kind: data.kind, year: data.year, source: data.source, rows: parsed.rows, baseline: data.baseline },
        { userId: user.id, ipAddress: requestIp(await headers()) },
      );
      expireCareerPages(slug);
      return done(`Applied: ${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed. The public profile shows the new figures now.`);
    } catch (error) {
      if (error instanceof StaleImportError) return failed(error.message);
      if (error instanceof ImportRowsError) {
        rowErrors = error.errors;
        return failed("Some rows cannot be applied; nothing was changed.");
      }
      throw error;
    }
  });
  return { ...result, rowErrors };
}
