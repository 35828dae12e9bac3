"use client";

import { createContext, useActionState, useContext, useEffect, useRef } from "react";
import { initialFormState, type FormState } from "@/lib/action-state";

const FormContext = createContext<FormState>(initialFormState);

type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  children?: React.ReactNode;
  className?: string;
  /** A secondary look, for small forms like Pause or Remove. */
  variant?: "primary" | "secondary" | "danger";
  encType?: "multipart/form-data";
  "aria-label"?: string;
};

const BUTTON = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-brand-700 text-brand-700 hover:bg-brand-50",
  danger: "border border-red-700 text-red-800 hover:bg-red-50",
};

/** A form bound to a server action: shows the action's message and puts each error beside its field. */
export function ActionForm({ action, submitLabel, children, className, variant = "primary", encType, ...rest }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.message && !state.ok) messageRef.current?.focus();
  }, [state]);
  return (
    <FormContext.Provider value={state}>
      <form action={formAction} className={className ?? "space-y-4"} encType={encType} noValidate aria-label={rest["aria-label"]}>
        {state.message ? (
          <p
            ref={messageRef}
            tabIndex={-1}
            role={state.ok ? "status" : "alert"}
            className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}
          >
            {state.message}
          </p>
        ) : null}
        {/* Remounted after each answer, so fields show what was sent (React resets a form after its action). */}
        <div key={JSON.stringify(state.values ?? null) + state.message} className={className ? "contents" : "space-y-4"}>
          {children}
        </div>
        <button
          type="submit"
          disabled={pending}
          className={`inline-flex items-center rounded-md px-3 py-2 text-sm font-semibold disabled:opacity-60 ${BUTTON[variant]}`}
        >
          {submitLabel}
        </button>
      </form>
    </FormContext.Provider>
  );
}

type FieldProps = {
  name: string;
  label: string;
  type?: "text" | "email" | "url" | "number" | "password" | "date" | "file";
  defaultValue?: string | number | null;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  accept?: string;
  multiline?: boolean;
  /** Makes the element ids unique when one page holds several forms with this field. */
  idPrefix?: string;
};

export function Field({ name, label, type = "text", defaultValue, hint, required, autoComplete, accept, multiline, idPrefix = "field" }: FieldProps) {
  const state = useContext(FormContext);
  const error = state.fieldErrors[name];
  const id = `${idPrefix}-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const value = type === "file" ? undefined : (state.values?.[name] ?? (defaultValue === null || defaultValue === undefined ? "" : String(defaultValue)));
  const common = {
    id,
    name,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described,
    className: "mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm",
  } as const;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={5} defaultValue={value} />
      ) : (
        <input {...common} type={type} defaultValue={value} autoComplete={autoComplete} accept={accept} />
      )}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type SelectProps = { name: string; label: string; options: { value: string; label: string }[]; defaultValue?: string | number | null; placeholder?: string };

export function SelectField({ name, label, options, defaultValue, placeholder }: SelectProps) {
  const state = useContext(FormContext);
  const error = state.fieldErrors[name];
  const id = `field-${name}`;
  const value = state.values?.[name] ?? (defaultValue === null || defaultValue === undefined ? "" : String(defaultValue));
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type CheckboxGroupProps = { name: string; legend: string; options: { value: string; label: string }[]; defaultValues?: string[] };

export function CheckboxGroup({ name, legend, options, defaultValues = [] }: CheckboxGroupProps) {
  const state = useContext(FormContext);
  const error = state.fieldErrors[name];
  return (
    <fieldset aria-describedby={error ? `field-${name}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={defaultValues.includes(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`field-${name}-error`} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
