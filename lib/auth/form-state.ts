/** What a server action answers a form with: per-field errors, one message, and what was typed. */
export type FormState = {
  ok: boolean;
  fieldErrors: Record<string, string>;
  message: string;
  values?: Record<string, string>;
};

export const initialFormState: FormState = { ok: false, fieldErrors: {}, message: "" };
