/** The result every server action returns; safe to import from client components. */
import type { z } from "zod";

export type FieldErrors = Partial<Record<string, string>>;

export type ActionState<T = unknown> = {
  ok: boolean;
  fieldErrors: FieldErrors;
  message: string;
  data?: T;
  /** What was typed, echoed back so a page rendered without JavaScript can refill its form. */
  values?: Record<string, string | string[]>;
};

/** The portal's and console's name for the same result (their forms carry no `data`). */
export type FormState = ActionState<never>;

export const initialActionState: ActionState<never> = { ok: false, fieldErrors: {}, message: "" };
export const initialFormState: FormState = initialActionState;

/** First message per field, keyed by the field's top-level name. */
export function fieldErrorsFromZod(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    out[key] ??= issue.message;
  }
  return out;
}
