"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useMemo, useSyncExternalStore } from "react";
import { useForm, useWatch, type FieldPath } from "react-hook-form";
import { submitLead } from "@/app/actions/leads";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { consentKey, consentText } from "@/lib/leads/consent";
import type { LeadFormData } from "@/lib/leads/form-data";
import { DESIRED_STARTS, EDUCATION_LEVELS, MILITARY_AFFILIATIONS } from "@/lib/leads/options";
import { ATTRIBUTION_KEYS, leadFormSchema, type LeadFormInput } from "@/lib/validations/lead";

const input =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-ink focus:border-brand-600 aria-[invalid=true]:border-red-700";
const labelCls = "block text-sm font-medium text-ink";

const subscribeNothing = () => () => {};

type Props = {
  data: LeadFormData;
  attribution: Partial<Record<(typeof ATTRIBUTION_KEYS)[number], string>>;
  /** Prefix for element ids, so a page and a dialog never share one. */
  idPrefix?: string;
};

/**
 * The Request Info form. It posts to a server action, so it works without JavaScript; with it,
 * react-hook-form checks the same zod schema first, and server errors land on their fields too.
 */
export function LeadForm({ data, attribution, idPrefix = "lead" }: Props) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(submitLead, initialActionState);
  // False in the server's HTML (errors then come from the action's state), true once React runs here.
  const hydrated = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
  const v = state.values ?? {};
  const str = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : "");
  const initialAlso = Array.isArray(v.alsoProgramIds) ? v.alsoProgramIds : [];

  const schema = useMemo(
    () => leadFormSchema({ campusIds: data.program.campuses.map((c) => c.id), suggestionIds: data.suggestions.map((s) => s.id) }),
    [data],
  );
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors },
  } = useForm<LeadFormInput>({ resolver: zodResolver(schema), mode: "onTouched" });

  useEffect(() => {
    for (const [name, message] of Object.entries(state.fieldErrors)) {
      if (message) setError(name as FieldPath<LeadFormInput>, { type: "server", message });
    }
  }, [state, setError]);

  // Which schools the consent names: the program's, plus each ticked suggestion's.
  const watched: unknown = useWatch({ control, name: "alsoProgramIds" });
  const ticked: unknown[] = hydrated ? (Array.isArray(watched) ? watched : typeof watched === "string" ? [watched] : []) : initialAlso;
  const chosen = [
    { id: data.program.schoolId, name: data.program.schoolName },
    ...data.suggestions.filter((s) => ticked.map(String).includes(String(s.id))).map((s) => ({ id: s.schoolId, name: s.schoolName })),
  ].filter((s, i, all) => all.findIndex((o) => o.id === s.id) === i);

  const errorOf = (name: string): string | undefined => {
    const fromForm = errors[name as keyof typeof errors]?.message;
    if (hydrated) return typeof fromForm === "string" ? fromForm : undefined;
    return state.fieldErrors[name];
  };
  const id = (name: string) => `${idPrefix}-${name}`;
  const describedBy = (name: string, hint?: boolean) =>
    [hint ? `${id(name)}-hint` : null, errorOf(name) ? `${id(name)}-error` : null].filter(Boolean).join(" ") || undefined;
  const fieldError = (name: string) =>
    errorOf(name) ? (
      <p id={`${id(name)}-error`} className="mt-1 text-sm font-medium text-red-800">
        {errorOf(name)}
      </p>
    ) : null;
  const field = (name: FieldPath<LeadFormInput>) => ({
    ...register(name),
    id: id(name),
    "aria-invalid": errorOf(name) ? true : undefined,
    "aria-describedby": describedBy(name),
  });

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    return handleSubmit(() => startTransition(() => formAction(new FormData(form))))(event);
  };

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5" aria-describedby={state.message ? id("message") : undefined}>
      {state.message && !state.ok ? (
        <div id={id("message")} role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {state.message}
        </div>
      ) : null}
      <input type="hidden" name="programId" value={data.program.id} />
      <input type="hidden" name="idempotencyKey" value={str("idempotencyKey") || data.idempotencyKey} />
      <input type="hidden" name="formToken" value={data.formToken} />
      <input type="hidden" name="consentSchoolIds" value={consentKey(chosen.map((s) => s.id))} />
      {ATTRIBUTION_KEYS.map((k) => (attribution[k] ? <input key={k} type="hidden" name={k} value={attribution[k]} /> : null))}
      {/* Honeypot: people never see it; bots that fill every field do. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={id("website")}>Leave this field empty</label>
        <input id={id("website")} type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={id("firstName")} className={labelCls}>
            First name
          </label>
          <input {...field("firstName")} defaultValue={str("firstName")} autoComplete="given-name" className={input} maxLength={50} />
          {fieldError("firstName")}
        </div>
        <div>
          <label htmlFor={id("lastName")} className={labelCls}>
            Last name
          </label>
          <input {...field("lastName")} defaultValue={str("lastName")} autoComplete="family-name" className={input} maxLength={50} />
          {fieldError("lastName")}
        </div>
        <div>
          <label htmlFor={id("email")} className={labelCls}>
            Email
          </label>
          <input {...field("email")} defaultValue={str("email")} type="email" autoComplete="email" className={input} maxLength={254} />
          {fieldError("email")}
        </div>
        <div>
          <label htmlFor={id("phone")} className={labelCls}>
            Phone (US)
          </label>
          <input {...field("phone")} defaultValue={str("phone")} type="tel" autoComplete="tel-national" className={input} maxLength={40} />
          {fieldError("phone")}
        </div>
        <div>
          <label htmlFor={id("zip")} className={labelCls}>
            ZIP code
          </label>
          <input {...field("zip")} defaultValue={str("zip")} inputMode="numeric" autoComplete="postal-code" className={input} maxLength={10} />
          {fieldError("zip")}
        </div>
        <div>
          <label htmlFor={id("educationLevel")} className={labelCls}>
            Highest education completed
          </label>
          <select {...field("educationLevel")} defaultValue={str("educationLevel")} className={input}>
            <option value="">Choose one</option>
            {EDUCATION_LEVELS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {fieldError("educationLevel")}
        </div>
        <div>
          <label htmlFor={id("desiredStart")} className={labelCls}>
            When would you like to start?
          </label>
          <select {...field("desiredStart")} defaultValue={str("desiredStart")} className={input}>
            <option value="">Choose one</option>
            {DESIRED_STARTS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {fieldError("desiredStart")}
        </div>
        {data.program.campuses.length > 1 ? (
          <div>
            <label htmlFor={id("campusId")} className={labelCls}>
              Campus
            </label>
            <select {...field("campusId")} defaultValue={str("campusId")} className={input}>
              <option value="">Choose a campus</option>
              {data.program.campuses.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {fieldError("campusId")}
          </div>
        ) : data.program.campuses.length === 1 ? (
          <input type="hidden" {...register("campusId")} value={data.program.campuses[0]?.id} />
        ) : null}
        <div>
          <label htmlFor={id("hsGradYear")} className={labelCls}>
            High-school graduation year <span className="font-normal text-muted">(optional)</span>
          </label>
          <input {...field("hsGradYear")} defaultValue={str("hsGradYear")} inputMode="numeric" className={input} maxLength={4} />
          {fieldError("hsGradYear")}
        </div>
        <div>
          <label htmlFor={id("militaryAffiliation")} className={labelCls}>
            Military affiliation <span className="font-normal text-muted">(optional)</span>
          </label>
          <select {...field("militaryAffiliation")} defaultValue={str("militaryAffiliation")} className={input}>
            <option value="">Prefer not to say</option>
            {MILITARY_AFFILIATIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {fieldError("militaryAffiliation")}
        </div>
      </div>

      {data.suggestions.length > 0 ? (
        <fieldset className="rounded-md border border-slate-300 p-4" aria-describedby={describedBy("alsoProgramIds", true)}>
          <legend className="px-1 text-sm font-semibold">Also send my request to similar programs (optional)</legend>
          <p id={`${id("alsoProgramIds")}-hint`} className="text-sm text-muted">
            Each school you tick is named in the consent below and may contact you.
          </p>
          <ul className="mt-2 space-y-2">
            {data.suggestions.map((s) => (
              <li key={s.id} className="flex items-start gap-2">
                <input
                  {...register("alsoProgramIds")}
                  id={id(`also-${s.id}`)}
                  type="checkbox"
                  value={String(s.id)}
                  defaultChecked={initialAlso.includes(String(s.id))}
                  className="mt-1 h-5 w-5"
                />
                <label htmlFor={id(`also-${s.id}`)} className="text-sm">
                  {s.title} at {s.schoolName} <span className="text-muted">({s.where})</span>
                </label>
              </li>
            ))}
          </ul>
          {fieldError("alsoProgramIds")}
        </fieldset>
      ) : null}

      <div>
        <div className="flex items-start gap-3">
          <input
            {...register("consent")}
            id={id("consent")}
            type="checkbox"
            defaultChecked={str("consent") === "on"}
            aria-invalid={errorOf("consent") ? true : undefined}
            aria-describedby={describedBy("consent")}
            className="mt-1 h-5 w-5 shrink-0"
          />
          <label htmlFor={id("consent")} className="text-sm leading-6">
            {consentText(chosen.map((s) => s.name))}
          </label>
        </div>
        {fieldError("consent")}
      </div>

      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-3 text-base font-semibold text-white hover:bg-brand-800 disabled:opacity-70 sm:w-auto"
      >
        {pending ? "Sending…" : "Send my request"}
      </button>
      <p className="text-xs text-muted">
        We send your details only to the schools named above. See our <a href="/privacy">privacy notice</a>.
      </p>
    </form>
  );
}
