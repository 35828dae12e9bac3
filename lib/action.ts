import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";

/**
 * One wrapper for server actions: authorize -> parse -> run -> a typed result. A form maps
 * `fieldErrors` onto its fields; `message` is shown above the form. Nothing thrown by the handler
 * reaches the client as a 500: expected failures are `ActionError`s, the rest are logged (without
 * the input, which may hold personal data) and answered with a generic message.
 */
import type { ActionState, FieldErrors } from "./action-state";

export { initialActionState, type ActionState, type FieldErrors } from "./action-state";

export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = "ActionError";
  }
}

/** First message per field, keyed by the field's top-level name. */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    out[key] ??= issue.message;
  }
  return out;
}

export async function runAction<S extends z.ZodType, T>(options: {
  input: unknown;
  schema: S | (() => Promise<S>);
  authorize?: () => Promise<void>;
  handler: (data: z.output<S>) => Promise<ActionState<T>>;
  invalidMessage?: string;
}): Promise<ActionState<T>> {
  try {
    if (options.authorize) await options.authorize();
    const schema = typeof options.schema === "function" ? await (options.schema as () => Promise<S>)() : options.schema;
    const parsed = schema.safeParse(options.input);
    if (!parsed.success) {
      return {
        ok: false,
        fieldErrors: fieldErrorsFromZod(parsed.error),
        message: options.invalidMessage ?? "Please correct the highlighted fields.",
      };
    }
    return await options.handler(parsed.data);
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ActionError) return { ok: false, fieldErrors: error.fieldErrors, message: error.message };
    console.error("server action failed:", error instanceof Error ? `${error.name}: ${error.message}` : "unknown error");
    return { ok: false, fieldErrors: {}, message: "Something went wrong on our side. Please try again in a moment." };
  }
}
