import type { FormState } from "@/lib/action-state";
import type { ImportDiff } from "@/db/queries/ops-careers";
import type { RowError } from "@/lib/validations/ops-bls-import";

/** What the import's preview and apply actions answer the page with. Safe to import from the client. */
export type ImportState = FormState & {
  /** Problems in the file, by line and column; nothing was changed. */
  rowErrors?: RowError[];
  preview?: ImportDiff;
  /** What the apply form sends back: the previewed file and the signature binding it to the preview. */
  confirm?: { kind: string; year: string; source: string; csv: string; baseline: string; signature: string };
};

export const initialImportState: ImportState = { ok: false, fieldErrors: {}, message: "" };
