/** The result every server action returns; safe to import from client components. */
export type FieldErrors = Partial<Record<string, string>>;

export type ActionState<T = unknown> = {
  ok: boolean;
  fieldErrors: FieldErrors;
  message: string;
  data?: T;
  /** What was typed, echoed back so a page rendered without JavaScript can refill its form. */
  values?: Record<string, string | string[]>;
};

export const initialActionState: ActionState<never> = { ok: false, fieldErrors: {}, message: "" };
