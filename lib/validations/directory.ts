import { z } from "zod";
import { credentialLevel, deliveryMode, type CredentialLevel, type DeliveryMode } from "@/db/schema";

/** US states, DC and Puerto Rico: the codes the directory's state filter and state pages accept. */
export const US_STATES = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado",
  CT: "Connecticut", DE: "Delaware", DC: "District of Columbia", FL: "Florida", GA: "Georgia", HI: "Hawaii",
  ID: "Idaho", IL: "Illinois", IN: "Indiana", IA: "Iowa", KS: "Kansas", KY: "Kentucky", LA: "Louisiana",
  ME: "Maine", MD: "Maryland", MA: "Massachusetts", MI: "Michigan", MN: "Minnesota", MS: "Mississippi",
  MO: "Missouri", MT: "Montana", NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey",
  NM: "New Mexico", NY: "New York", NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma",
  OR: "Oregon", PA: "Pennsylvania", PR: "Puerto Rico", RI: "Rhode Island", SC: "South Carolina",
  SD: "South Dakota", TN: "Tennessee", TX: "Texas", UT: "Utah", VT: "Vermont", VA: "Virginia",
  WA: "Washington", WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming",
} as const;
export type StateCode = keyof typeof US_STATES;

export function isStateCode(value: string): value is StateCode {
  return Object.hasOwn(US_STATES, value);
}

/** "california" for CA: the state pages' URL segment. */
export function stateSlug(code: StateCode): string {
  return US_STATES[code].toLowerCase().replace(/[^a-z]+/g, "-");
}

export function stateFromSlug(slug: string): StateCode | null {
  const lower = slug.toLowerCase();
  for (const code of Object.keys(US_STATES) as StateCode[]) {
    if (stateSlug(code) === lower || code.toLowerCase() === lower) return code;
  }
  return null;
}

export const RADIUS_CHOICES = [10, 25, 50, 100, 250] as const;
export const DEFAULT_RADIUS = 50;
export const MAX_RADIUS = 500;
export const SORTS = ["recommended", "distance", "name"] as const;
export type DirectorySort = (typeof SORTS)[number];
export const PAGE_SIZE = 20;
/** Pages past this are refused (treated as the last): deep offsets are slow and nobody reads them. */
export const MAX_PAGE = 500;
const MAX_QUERY_LENGTH = 80;

/**
 * The query parameters the directory reads: its filters' names. With none of them, /schools is the
 * unfiltered directory; next.config.mjs and proxy.ts name them too, to route such a request past
 * the proxy (lib/directory-routing.test.ts holds the three lists together).
 */
export const DIRECTORY_PARAMS = ["q", "area", "credential", "delivery", "state", "zip", "radius", "accredited", "sort", "page"] as const;

/** What Next hands a page as one search parameter. */
type Param = string | string[] | undefined;
export type RawSearchParams = Record<string, Param>;

/** The directory's filters, cleaned: unknown values are gone, everything left can be applied. */
export type DirectoryFilters = {
  /** Program area slug (checked against the database by the page; unknown slugs are dropped there). */
  area: string | null;
  credential: CredentialLevel[];
  delivery: DeliveryMode[];
  state: StateCode | null;
  zip: string | null;
  radius: number;
  accredited: boolean;
  q: string;
  sort: DirectorySort;
  page: number;
};

export type DirectoryFieldErrors = Partial<Record<"zip" | "radius", string>>;

const first = (value: Param): string | undefined => (Array.isArray(value) ? value[0] : value)?.trim();
const all = (value: Param): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]).map((v) => v.trim());

const credentialSchema = z.enum(credentialLevel.enumValues);
const deliverySchema = z.enum(deliveryMode.enumValues);
const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);
const zipSchema = z.string().regex(/^\d{5}$/, "Enter a 5-digit ZIP code, such as 90012.");
const radiusSchema = z.coerce
  .number({ error: "Choose a distance in miles." })
  .int("Choose a whole number of miles.")
  .min(1, "Choose a distance of at least 1 mile.")
  .max(MAX_RADIUS, `Choose a distance of ${MAX_RADIUS} miles or less.`);
const pageSchema = z.coerce.number().int().min(1).max(MAX_PAGE);

function keepValid<T>(values: string[], schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  for (const value of values) {
    const parsed = schema.safeParse(value);
    if (parsed.success && !out.includes(parsed.data)) out.push(parsed.data);
  }
  return out;
}

/**
 * Reads the directory's query string. Never throws: an unknown value is dropped and the rest are
 * applied; a malformed ZIP or radius comes back as a message for that field (and is not applied).
 * `knownZip` says whether a well-formed ZIP exists (the page passes the ZIP package's lookup).
 */
export function parseDirectoryParams(
  params: RawSearchParams,
  knownZip: (zip: string) => boolean,
): { filters: DirectoryFilters; errors: DirectoryFieldErrors } {
  const errors: DirectoryFieldErrors = {};

  const areaRaw = first(params.area);
  const area = areaRaw && slugSchema.safeParse(areaRaw).success ? areaRaw : null;

  const stateRaw = first(params.state)?.toUpperCase();
  const state = stateRaw && isStateCode(stateRaw) ? stateRaw : null;

  let zip: string | null = null;
  const zipRaw = first(params.zip);
  if (zipRaw) {
    const parsed = zipSchema.safeParse(zipRaw);
    if (!parsed.success) errors.zip = parsed.error.issues[0]?.message ?? "Enter a 5-digit ZIP code.";
    else if (!knownZip(parsed.data)) errors.zip = `We could not find ZIP code ${parsed.data}. Check it, or try a nearby one.`;
    else zip = parsed.data;
  }

  let radius = DEFAULT_RADIUS;
  const radiusRaw = first(params.radius);
  if (radiusRaw) {
    const parsed = radiusSchema.safeParse(radiusRaw);
    if (parsed.success) radius = parsed.data;
    else errors.radius = parsed.error.issues[0]?.message ?? "Choose a distance in miles.";
  }

  const accreditedRaw = first(params.accredited);
  const accredited = accreditedRaw === "1" || accreditedRaw === "true" || accreditedRaw === "on";

  const q = (first(params.q) ?? "").replace(/\s+/g, " ").slice(0, MAX_QUERY_LENGTH).trim();

  const sortRaw = first(params.sort);
  let sort: DirectorySort = SORTS.find((s) => s === sortRaw) ?? "recommended";
  // Distance needs a ZIP to measure from.
  if (sort === "distance" && !zip) sort = "recommended";

  const pageParsed = pageSchema.safeParse(first(params.page));
  const page = pageParsed.success ? pageParsed.data : 1;

  return {
    filters: {
      area,
      credential: keepValid(all(params.credential), credentialSchema),
      delivery: keepValid(all(params.delivery), deliverySchema),
      state,
      zip,
      radius,
      accredited,
      q,
      sort,
      page,
    },
    errors,
  };
}

/** The canonical query string for a set of filters: what links (pages, sorts, "widen" hints) use. */
export function directoryQueryString(filters: Partial<DirectoryFilters>): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.area) params.set("area", filters.area);
  for (const c of filters.credential ?? []) params.append("credential", c);
  for (const d of filters.delivery ?? []) params.append("delivery", d);
  if (filters.state) params.set("state", filters.state);
  if (filters.zip) {
    params.set("zip", filters.zip);
    if (filters.radius !== undefined) params.set("radius", String(filters.radius));
  }
  if (filters.accredited) params.set("accredited", "1");
  if (filters.sort && filters.sort !== "recommended") params.set("sort", filters.sort);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The path a Visit School Site click came from, if it is one of ours: a same-site absolute path,
 * without query string or fragment (those could carry personal data). Anything else is dropped.
 */
export function sameSitePath(value: string | null | undefined): string | null {
  if (!value || value.length > 300) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(value, "http://same.site");
  } catch {
    return null;
  }
  if (url.origin !== "http://same.site") return null;
  const path = url.pathname;
  return /^\/[A-Za-z0-9\-._~/%]*$/.test(path) ? path : null;
}
