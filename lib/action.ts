import "server-only";
import { updateTag } from "next/cache";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { DIRECTORY_CACHE_TAG } from "@/db/queries/programs";
import type { MembershipRole, SessionUser } from "@/db/queries/users";
import { AuthzError, getSchoolScope, requireOperator, type SchoolScope } from "@/lib/authz";
import { safeErrorSummary } from "@/lib/log";
import { checkSameOrigin, CROSS_SITE_MESSAGE } from "@/lib/request-origin";
import { fieldErrorsFromZod, type ActionState, type FieldErrors, type FormState } from "./action-state";

/**
 * The one wrapper for server actions: same-origin check -> authorize -> parse -> run -> a typed
 * result. A form maps `fieldErrors` onto its fields; `message` is shown above the form; `values`
 * echo what was typed so a page rendered without JavaScript can refill its form. Nothing thrown by
 * a handler reaches the client as a 500: expected failures are `ActionError`s (or `AuthzError`s),
 * the rest are logged without the input or any row values and answered with a generic message.
 *
 * Three entry points share it: `runAction` (public actions, options object), `schoolAction`
 * (portal: the caller's school scope at a minimum role) and `operatorAction` (console).
 */

export { fieldErrorsFromZod, initialActionState, initialFormState, type ActionState, type FieldErrors, type FormState } from "./action-state";

export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = "ActionError";
  }
}

/** What was typed, so the form shows it again next to its errors (file inputs and React's `$` fields excepted). */
function echo(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$")) out[k] = v;
  return out;
}

/**
 * Refuses a request that did not come from one of our pages (a foreign or missing Origin). Every
 * server action calls it first, through the wrappers below or directly (sign-in, Request Info).
 */
export async function refuseCrossSiteAction(): Promise<ActionState<never> | null> {
  const check = checkSameOrigin(await headers());
  return check.ok ? null : { ok: false, fieldErrors: {}, message: CROSS_SITE_MESSAGE };
}

const GENERIC_FAILURE = "Something went wrong on our side. Please try again in a moment.";

async function perform<S extends z.ZodType, Who, T>(options: {
  authorize: () => Promise<Who>;
  schema: S | (() => Promise<S>);
  input: unknown;
  form?: FormData | null;
  handler: (who: Who, data: z.output<S>) => Promise<ActionState<T>>;
  invalidMessage?: string;
  /** Portal and console actions change what the directory shows. */
  expireDirectory?: boolean;
}): Promise<ActionState<T>> {
  const values = () => (options.form ? echo(options.form) : undefined);
  try {
    const refused = await refuseCrossSiteAction();
    if (refused) return refused;
    const who = await options.authorize();
    const schema = typeof options.schema === "function" ? await (options.schema as () => Promise<S>)() : options.schema;
    const parsed = schema.safeParse(options.input);
    if (!parsed.success) {
      return {
        ok: false,
        fieldErrors: fieldErrorsFromZod(parsed.error),
        message: options.invalidMessage ?? "Please correct the highlighted fields.",
        values: values(),
      };
    }
    const result = await options.handler(who, parsed.data);
    // Suspension, review, pausing a listing...: the directory's cached reads must show it at once.
    if (result.ok && options.expireDirectory) updateTag(DIRECTORY_CACHE_TAG);
    return result.ok ? result : { ...result, values: result.values ?? values() };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ActionError) return { ok: false, fieldErrors: error.fieldErrors, message: error.message, values: values() };
    if (error instanceof AuthzError) return { ok: false, fieldErrors: {}, message: error.message };
    console.error("server action failed:", safeErrorSummary(error));
    return { ok: false, fieldErrors: {}, message: GENERIC_FAILURE, values: values() };
  }
}

/** A public server action: origin check, optional authorization, parse, run. */
export function runAction<S extends z.ZodType, T>(options: {
  input: unknown;
  schema: S | (() => Promise<S>);
  authorize?: () => Promise<void>;
  handler: (data: z.output<S>) => Promise<ActionState<T>>;
  invalidMessage?: string;
  form?: FormData | null;
}): Promise<ActionState<T>> {
  return perform({
    authorize: options.authorize ?? (async () => {}),
    schema: options.schema,
    input: options.input,
    form: options.form,
    invalidMessage: options.invalidMessage,
    handler: (_who, data) => options.handler(data),
  });
}

/**
 * A portal action: the caller's school scope (checked on the server, at `minRole`), then the input
 * through its zod schema, then the handler.
 */
export function schoolAction<S extends z.ZodType>(
  minRole: MembershipRole,
  schema: S,
  input: unknown,
  form: FormData | null,
  handler: (scope: SchoolScope, data: z.output<S>) => Promise<FormState>,
): Promise<FormState> {
  return perform({ authorize: () => getSchoolScope(minRole), schema, input, form, handler, expireDirectory: true });
}

/** A console action: operators only. */
export function operatorAction<S extends z.ZodType>(
  schema: S,
  input: unknown,
  form: FormData | null,
  handler: (user: SessionUser, data: z.output<S>) => Promise<FormState>,
): Promise<FormState> {
  return perform({ authorize: requireOperator, schema, input, form, handler, expireDirectory: true });
}

export const done = (message: string): FormState => ({ ok: true, fieldErrors: {}, message });
export const failed = (message: string, errors: Record<string, string> = {}): FormState => ({ ok: false, fieldErrors: errors, message });
