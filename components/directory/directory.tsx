import { PageLink } from "@/components/page-link";
import { COUNT_CAP, listProgramAreasCached, searchDirectoryCached } from "@/db/queries/programs";
import { credentialLevel, deliveryMode } from "@/db/schema";
import { DIRECTORY_ROUTE, directoryPath } from "@/lib/directory-cache";
import { zipCentroid } from "@/lib/geo";
import { CREDENTIAL_LABELS, DELIVERY_LABELS, formatNumber } from "@/lib/format";
import {
  MAX_PAGE,
  PAGE_SIZE,
  RADIUS_CHOICES,
  US_STATES,
  directoryQueryString,
  parseDirectoryParams,
  type DirectoryFilters,
  type RawSearchParams,
  type StateCode,
} from "@/lib/validations/directory";
import { AutoSubmit } from "./auto-submit";
import { ProgramAdCard } from "./program-ad";

type Props = {
  searchParams: RawSearchParams;
  /** Where the form submits without JavaScript: the page's public address (/schools, /careers/<slug>). */
  action: string;
  /**
   * Links and instant filters go to each filter set's page-cache address (lib/directory-cache's
   * directoryPath) rather than to `action` with a query string: the /schools directory.
   */
  cachedAddresses?: boolean;
  /** Only programs leading to this career (the career profile's column). */
  occupationId?: number;
  /** id prefix, so two directories could share a page. */
  idPrefix?: string;
  /**
   * "wide": filters beside the results (the /schools page); "column": stacked, the filters folded
   * away until asked for, headings one level down (the column beside a career profile).
   */
  layout?: "wide" | "column";
  /** Programs per page (a column shows fewer). */
  pageSize?: number;
};

const fieldClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

/**
 * The school program directory: a GET form of filters beside one page of matching program ads.
 * Server-rendered; the URL holds every filter, so a page can be shared, bookmarked and gone back to.
 */
export async function Directory({ searchParams, action, cachedAddresses = false, occupationId, idPrefix = "dir", layout = "wide", pageSize = PAGE_SIZE }: Props) {
  const { filters, errors } = parseDirectoryParams(searchParams, (zip) => zipCentroid(zip) !== null);
  const areas = await listProgramAreasCached();
  const area = areas.find((a) => a.slug === filters.area) ?? null;
  if (!area) filters.area = null;
  const center = filters.zip ? zipCentroid(filters.zip) : null;

  const result = await searchDirectoryCached({
    areaId: area?.id ?? null,
    credential: filters.credential,
    delivery: filters.delivery,
    state: filters.state,
    near: center ? { latitude: center.latitude, longitude: center.longitude, miles: filters.radius } : null,
    accredited: filters.accredited,
    q: filters.q,
    occupationId: occupationId ?? null,
    sort: filters.sort,
    limit: pageSize,
    offset: (filters.page - 1) * pageSize,
  });
  const capped = result.total > COUNT_CAP;
  const pageCount = Math.min(MAX_PAGE, Math.max(1, Math.ceil(Math.min(result.total, COUNT_CAP) / pageSize)));
  const id = (name: string) => `${idPrefix}-${name}`;
  const formKey = directoryQueryString(filters) + JSON.stringify(errors);
  const pathFor = (f: Partial<DirectoryFilters>) => (cachedAddresses ? directoryPath(f) : `${action}${directoryQueryString(f)}`);
  const href = (changes: Partial<DirectoryFilters>) => pathFor({ ...filters, page: 1, ...changes });
  const fromPath = action;

  const column = layout === "column";
  const Results = column ? "h3" : "h2";
  const filtered = directoryQueryString({ ...filters, page: 1 }) !== "" || Object.keys(errors).length > 0;
  const form = (
    <form
      key={formKey}
      method="get"
      action={action}
      data-cached-path={cachedAddresses ? DIRECTORY_ROUTE : undefined}
      data-radius-choices={RADIUS_CHOICES.join(" ")}
      role="search"
      aria-label="Filter programs"
      className={column ? "mt-3 space-y-5" : "space-y-5"}
    >
      <AutoSubmit />
      <div>
        <label htmlFor={id("q")} className="block text-sm font-semibold">
          School or program name
        </label>
        <input id={id("q")} name="q" type="search" defaultValue={filters.q} className={fieldClass} autoComplete="off" />
      </div>
      <div>
        <label htmlFor={id("area")} className="block text-sm font-semibold">
          Program area
        </label>
        <select id={id("area")} name="area" defaultValue={filters.area ?? ""} className={fieldClass}>
          <option value="">All program areas</option>
          {areas.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <CheckboxGroup legend="Credential" name="credential" values={credentialLevel.enumValues} labels={CREDENTIAL_LABELS} checked={filters.credential} id={id} />
      <CheckboxGroup legend="How it is taught" name="delivery" values={deliveryMode.enumValues} labels={DELIVERY_LABELS} checked={filters.delivery} id={id} />
      <div>
        <label htmlFor={id("state")} className="block text-sm font-semibold">
          Campus state
        </label>
        <select id={id("state")} name="state" defaultValue={filters.state ?? ""} className={fieldClass}>
          <option value="">Any state</option>
          {(Object.keys(US_STATES) as StateCode[]).map((code) => (
            <option key={code} value={code}>
              {US_STATES[code]}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend className="text-sm font-semibold">Near a ZIP code</legend>
        <div className="mt-1 grid grid-cols-2 gap-2">
          <div>
            <label htmlFor={id("zip")} className="block text-sm">
              ZIP code
            </label>
            <input
              id={id("zip")}
              name="zip"
              type="text"
              inputMode="numeric"
              autoComplete="postal-code"
              maxLength={10}
              defaultValue={typeof searchParams.zip === "string" ? searchParams.zip.slice(0, 10) : (filters.zip ?? "")}
              aria-invalid={errors.zip ? true : undefined}
              aria-describedby={errors.zip ? id("zip-error") : undefined}
              className={fieldClass}
            />
          </div>
          <div>
            <label htmlFor={id("radius")} className="block text-sm">
              Within
            </label>
            <select
              id={id("radius")}
              name="radius"
              defaultValue={errors.radius ? "" : String(filters.radius)}
              aria-invalid={errors.radius ? true : undefined}
              aria-describedby={errors.radius ? id("radius-error") : undefined}
              className={fieldClass}
            >
              {errors.radius ? <option value="">Choose</option> : null}
              {[...new Set<number>([...RADIUS_CHOICES, filters.radius])]
                .sort((a, b) => a - b)
                .map((miles) => (
                  <option key={miles} value={miles}>
                    {miles} miles
                  </option>
                ))}
            </select>
          </div>
        </div>
        {errors.zip ? (
          <p id={id("zip-error")} className="mt-1 text-sm font-medium text-red-800">
            {errors.zip}
          </p>
        ) : null}
        {errors.radius ? (
          <p id={id("radius-error")} className="mt-1 text-sm font-medium text-red-800">
            {errors.radius}
          </p>
        ) : null}
      </fieldset>
      <div className="flex items-center gap-2 text-sm">
        <input id={id("accredited")} type="checkbox" name="accredited" value="1" defaultChecked={filters.accredited} />
        <label htmlFor={id("accredited")}>Accredited schools only</label>
      </div>
      <div>
        <label htmlFor={id("sort")} className="block text-sm font-semibold">
          Sort by
        </label>
        <select id={id("sort")} name="sort" defaultValue={filters.sort} className={fieldClass}>
          <option value="recommended">Recommended</option>
          {filters.zip ? <option value="distance">Distance</option> : null}
          <option value="name">Program name</option>
        </select>
        <p className="mt-1 text-xs text-muted">
          <PageLink href="/advertising-disclosure">How results are ordered and who pays us</PageLink>
        </p>
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          Apply filters
        </button>
        <PageLink href={pathFor({})} className="self-center text-sm">
          Clear all
        </PageLink>
      </div>
    </form>
  );

  return (
    <div className={column ? "space-y-6" : "grid gap-8 lg:grid-cols-[18rem_1fr]"}>
      {column ? (
        <details open={filtered} className="rounded-md border border-slate-300 p-3">
          <summary className="cursor-pointer text-sm font-semibold">Filter these programs</summary>
          {form}
        </details>
      ) : (
        form
      )}

      <section aria-labelledby={id("results")}>
        <Results id={id("results")} className={column ? "text-base font-semibold" : "text-lg font-semibold"} aria-live="polite">
          {capped
            ? `More than ${formatNumber(COUNT_CAP)} matching programs`
            : `${formatNumber(result.total)} matching ${result.total === 1 ? "program" : "programs"}`}
          {center ? <span className="font-normal text-muted"> within {filters.radius} miles of {filters.zip}</span> : null}
        </Results>
        {result.items.length === 0 ? (
          <EmptyState filters={filters} href={href} pageBeyond={result.total > 0} firstPage={href({})} />
        ) : (
          <ol className="mt-4 space-y-4" aria-label="Programs">
            {result.items.map((item) => (
              <li key={item.id}>
                <ProgramAdCard ad={item} from={fromPath} headingLevel={column ? 4 : 3} />
                {item.distanceMiles !== null ? (
                  <p className="mt-1 text-sm text-muted">Nearest campus: {item.distanceMiles.toFixed(1)} miles away</p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {pageCount > 1 && result.items.length > 0 ? (
          <Pagination page={filters.page} pageCount={pageCount} href={(page) => pathFor({ ...filters, page })} />
        ) : null}
      </section>
    </div>
  );
}

/** A filter of several values, any of which may be ticked (a GET form sends each as `name=value`). */
function CheckboxGroup<V extends string>({
  legend,
  name,
  values,
  labels,
  checked,
  id,
}: {
  legend: string;
  name: string;
  values: readonly V[];
  labels: Record<V, string>;
  checked: readonly V[];
  id: (name: string) => string;
}) {
  return (
    <fieldset>
      <legend className="text-sm font-semibold">{legend}</legend>
      {values.map((v) => (
        <div key={v} className="mt-1 flex items-center gap-2 text-sm">
          <input id={id(`${name}-${v}`)} type="checkbox" name={name} value={v} defaultChecked={checked.includes(v)} />
          <label htmlFor={id(`${name}-${v}`)}>{labels[v]}</label>
        </div>
      ))}
    </fieldset>
  );
}

function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  const pages = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  return (
    <nav aria-label="Pages" className="mt-6">
      <ul className="flex flex-wrap items-center gap-2 text-sm">
        {page > 1 ? (
          <li>
            <PageLink href={href(page - 1)} rel="prev" className="rounded border border-slate-300 px-3 py-1.5 no-underline">
              Previous page
            </PageLink>
          </li>
        ) : null}
        {pages.map((p) => (
          <li key={p}>
            {p === page ? (
              <span aria-current="page" className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
                <span className="sr-only">Page </span>
                {p}
              </span>
            ) : (
              <PageLink href={href(p)} className="rounded border border-slate-300 px-3 py-1.5 no-underline" aria-label={`Page ${p}`}>
                {p}
              </PageLink>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <PageLink href={href(page + 1)} rel="next" className="rounded border border-slate-300 px-3 py-1.5 no-underline">
              Next page
            </PageLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function EmptyState({
  filters,
  href,
  pageBeyond,
  firstPage,
}: {
  filters: DirectoryFilters;
  href: (changes: Partial<DirectoryFilters>) => string;
  pageBeyond: boolean;
  firstPage: string;
}) {
  if (pageBeyond) {
    return (
      <p className="mt-4">
        There are no more programs on this page. <PageLink href={firstPage}>Go to the first page</PageLink>.
      </p>
    );
  }
  const hints: { label: string; href: string }[] = [];
  if (filters.zip) {
    const wider = RADIUS_CHOICES.find((r) => r > filters.radius);
    if (wider) hints.push({ label: `Search within ${wider} miles of ${filters.zip}`, href: href({ radius: wider }) });
    hints.push({ label: "Remove the ZIP code", href: href({ zip: null, sort: filters.sort === "distance" ? "recommended" : filters.sort }) });
  }
  if (filters.delivery.length > 0) hints.push({ label: "Include every way of teaching (online, campus, hybrid)", href: href({ delivery: [] }) });
  if (filters.state) hints.push({ label: `Remove the state (${US_STATES[filters.state]})`, href: href({ state: null }) });
  if (filters.credential.length > 0) hints.push({ label: "Include every credential", href: href({ credential: [] }) });
  if (filters.area) hints.push({ label: "Include every program area", href: href({ area: null }) });
  if (filters.accredited) hints.push({ label: "Include schools without accreditation", href: href({ accredited: false }) });
  if (filters.q) hints.push({ label: `Remove the search for “${filters.q}”`, href: href({ q: "" }) });
  return (
    <div className="mt-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <p className="font-medium">No programs match all of these filters.</p>
      {hints.length > 0 ? (
        <>
          <p className="mt-2 text-sm">Try widening your search:</p>
          <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
            {hints.map((h) => (
              <li key={h.label}>
                <PageLink href={h.href}>{h.label}</PageLink>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
