import "server-only";
import { updateTag } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { DIRECTORY_CACHE_TAG } from "@/db/queries/programs";
import type { z } from "zod";
import { AuthzError, getSchoolScope, requireOperator, type SchoolScope } from "@/lib/authz";
import type { SessionUser, MembershipRole } from "@/db/queries/users";
import type { FormState } from "./form-state";

export type { FormState } from "./form-state";

function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    out[key] ??= issue.message;
  }
  return out;
}

/** What was typed, so the form shows it again next to its errors (file inputs excepted). */
function echo(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$")) out[k] = v;
  return out;
}

async function run<S extends z.ZodType, Who>(
  authorize: () => Promise<Who>,
  schema: S,
  input: unknown,
  form: FormData | null,
  handler: (who: Who, data: z.output<S>) => Promise<FormState>,
): Promise<FormState> {
  try {
    const who = await authorize();
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, fieldErrors: fieldErrors(parsed.error), message: "Please correct the highlighted fields.", values: form ? echo(form) : undefined };
    }
    const result = await handler(who, parsed.data);
    // Portal and console actions change listings (status, suspension, review, campuses): the
    // directory's cached reads must show the change at once, not after their minute is up.
    if (result.ok) updateTag(DIRECTORY_CACHE_TAG);
    return result.ok ? result : { ...result, values: result.values ?? (form ? echo(form) : undefined) };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AuthzError) return { ok: false, fieldErrors: {}, message: error.message };
    console.error("server action failed:", error instanceof Error ? `${error.name}: ${error.message}` : "unknown error");
    return { ok: false, fieldErrors: {}, message: "Something went wrong on our side. Please try again." };
  }
}

/**
 * One wrapper for the portal's server actions: the caller's school scope (checked on the server,
 * at `minRole`), then the input through its zod schema, then the handler. Errors come back as a
 * FormState for the form, never as a 500.
 */
export function schoolAction<S extends z.ZodType>(
  minRole: MembershipRole,
  schema: S,
  input: unknown,
  form: FormData | null,
  handler: (scope: SchoolScope, data: z.output<S>) => Promise<FormState>,
): Promise<FormState> {
  return run(() => getSchoolScope(minRole), schema, input, form, handler);
}

export function operatorAction<S extends z.ZodType>(
  schema: S,
  input: unknown,
  form: FormData | null,
  handler: (user: SessionUser, data: z.output<S>) => Promise<FormState>,
): Promise<FormState> {
  return run(requireOperator, schema, input, form, handler);
}

export const done = (message: string): FormState => ({ ok: true, fieldErrors: {}, message });
export const failed = (message: string, errors: Record<string, string> = {}): FormState => ({ ok: false, fieldErrors: errors, message });
