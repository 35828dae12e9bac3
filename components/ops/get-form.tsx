import Link from "next/link";

/* Small server-rendered pieces for the console's GET filter forms and paged tables. */

const INPUT = "mt-1 block rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

type FieldProps = { name: string; label: string; value?: string | number; error?: string; type?: "text" | "date" | "search" | "email" };

export function GetField({ name, label, value, error, type = "text" }: FieldProps) {
  const id = `filter-${name}`;
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={value ?? ""}
        className={INPUT}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type SelectProps = { name: string; label: string; value?: string | number; options: { value: string; label: string }[]; error?: string; anyLabel?: string };

export function GetSelect({ name, label, value, options, error, anyLabel = "Any" }: SelectProps) {
  const id = `filter-${name}`;
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value === undefined ? "" : String(value)}
        className={INPUT}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function GetForm({ label, children, submitLabel = "Show" }: { label: string; children: React.ReactNode; submitLabel?: string }) {
  return (
    <form method="get" aria-label={label} className="flex flex-wrap items-end gap-4 rounded-lg bg-slate-50 p-3">
      {children}
      <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">
        {submitLabel}
      </button>
    </form>
  );
}

/** Previous / next links that keep the other query parameters. */
export function Pager({ path, params, page, pageSize, total }: { path: string; params: Record<string, string | undefined>; page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    q.set("page", String(p));
    return `${path}?${q.toString()}`;
  };
  return (
    <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
      {page > 1 ? <Link href={href(page - 1)}>Previous page</Link> : null}
      <span>
        Page {Math.min(page, pages)} of {pages} ({total} in all)
      </span>
      {page < pages ? <Link href={href(page + 1)}>Next page</Link> : null}
    </nav>
  );
}

export const utc = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "–");
