import { NextResponse, type NextRequest } from "next/server";
import type { MetroSort } from "@/db/queries/occupations";
import { MAX_CACHE_KEY_LENGTH } from "@/lib/cache-key-limit";
import {
  RADIUS_CHOICES,
  directoryQueryString,
  parseDirectoryParams,
  type DirectoryFilters,
  type RawSearchParams,
} from "@/lib/validations/directory";

/** The cache key of the unfiltered directory (a path segment cannot be empty). */
const ALL = "all";

/** The directory's page-cache route (app/directory/[filters]): a filter set's own address. */
export const DIRECTORY_ROUTE = "/directory/";

/** The query string's parameters in the shape a page receives them. */
export function rawParams(search: URLSearchParams): RawSearchParams {
  const out: RawSearchParams = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

/**
 * The page-cache key for a directory query string, or null when the page should be rendered per
 * request: a free-text search (unbounded variety, rarely shared), a field error (the page echoes
 * what was typed), a radius outside the form's choices, a key too long for a file name
 * (MAX_CACHE_KEY_LENGTH). Equivalent URLs share a key: the key is the
 * canonical query string of the parsed filters, followed by `extra`, the page's own parameters in
 * canonical form (null: at its default, left out). Whether a well-formed ZIP exists is left to the
 * page, which shows its message for an unknown one (the same for everybody).
 */
export function directoryCacheKey(search: URLSearchParams, extra: Record<string, string | null> = {}): string | null {
  return keyOf(parseDirectoryParams(rawParams(search), () => true), extra);
}

/** The key of parsed filters (and the page's own parameters), or null when they are not cached. */
function keyOf({ filters, errors }: ReturnType<typeof parseDirectoryParams>, extra: Record<string, string | null>): string | null {
  if (errors.zip || errors.radius) return null;
  const parts = [directoryQueryString(filters).slice(1)];
  for (const [name, value] of Object.entries(extra)) {
    if (value !== null) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  }
  const query = parts.filter(Boolean).join("&");
  if (!cacheable(filters, query)) return null;
  return query === "" ? ALL : query;
}

/**
 * Whether a (well-formed) filter set, with `key` its canonical query string, is served from the
 * page cache: no free text, a radius the form offers, a key short enough for a file name.
 */
function cacheable(filters: Partial<DirectoryFilters>, key: string): boolean {
  if (filters.q || key.length > MAX_CACHE_KEY_LENGTH) return false;
  return !filters.zip || filters.radius === undefined || (RADIUS_CHOICES as readonly number[]).includes(filters.radius);
}

/**
 * The address of a directory filter set, for the directory's links and its instant filters: the
 * page-cache route itself (`/directory/state=CA&delivery=online`) when the set is cached there, so a
 * click skips the proxy step (Next's proxy step alone takes about a third off a cached page's
 * throughput: README, Benchmarks); otherwise /schools with the query string. The unfiltered
 * directory is /schools (next.config.mjs rewrites it to its cached page). The no-JavaScript form
 * still submits to /schools?…, which the proxy rewrites to the same cached page.
 */
export function directoryPath(filters: Partial<DirectoryFilters>): string {
  const query = directoryQueryString(filters).slice(1);
  if (query === "") return "/schools";
  return cacheable(filters, query) ? `${DIRECTORY_ROUTE}${query}` : `/schools?${query}`;
}

/**
 * The canonical key of a page-cache route's segment, or null for a view rendered per request. Next
 * hands the segment over percent-encoded ("state%3DCA" for /directory/state=CA, and for
 * /directory/state%3DCA); it is decoded once here. A program area the site does not have is left
 * out, as the page leaves it out. `text` is the decoded segment, null when it does not decode.
 */
function canonicalKey(
  segment: string,
  areaExists: (slug: string) => boolean,
  extra: (search: URLSearchParams) => Record<string, string | null>,
): { key: string | null; text: string | null; search: URLSearchParams } {
  const text = decodeSegment(segment);
  const search = new URLSearchParams(text === null || text === ALL ? "" : text);
  const parsed = parseDirectoryParams(rawParams(search), () => true);
  if (parsed.filters.area && !areaExists(parsed.filters.area)) parsed.filters.area = null;
  return { key: keyOf(parsed, extra(search)), text, search };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * For a request to the directory's page-cache route: null when `segment` is a canonical key, which
 * the page renders; otherwise the address to redirect to: the canonical key's own, or /schools?…
 * (free text, a field error: rendered per request). So each filter set has one cached page, and a
 * made-up segment is answered with a redirect, never with a page rendered from the database.
 */
export function directoryRedirect(segment: string, areaExists: (slug: string) => boolean): string | null {
  const { key, text, search } = canonicalKey(segment, areaExists, () => ({}));
  if (key === text) return null;
  if (key === null) return `/schools?${search.toString()}`;
  return key === ALL ? "/schools" : `${DIRECTORY_ROUTE}${key}`;
}

/**
 * The same for a career profile's page-cache route (app/career-pages/[slug]/[view]), which is
 * reached by rewrites (next.config.mjs for a plain profile, the proxy otherwise): a view that is
 * not canonical goes back to /careers/<slug> with its canonical query string, which the proxy
 * rewrites to the canonical view.
 */
export function careerViewRedirect(slug: string, view: string, areaExists: (slug: string) => boolean): string | null {
  const { key, text, search } = canonicalKey(view, areaExists, metroExtra);
  if (key === text) return null;
  const query = key === null ? search.toString() : key === ALL ? "" : key;
  return `/careers/${encodeURIComponent(slug)}${query ? `?${query}` : ""}`;
}

/** The career profile's metro table order (`?metroSort=`): employment unless salary is asked for. */
export function parseMetroSort(value: string | string[] | null | undefined): MetroSort {
  return value === "salary" ? "salary" : "employment";
}

/**
 * The page-cache key of a career profile's query string: the directory's filters (those of the
 * programs beside the profile) and the metro table's order, or null to render it per request.
 */
export function careerProfileCacheKey(search: URLSearchParams): string | null {
  return directoryCacheKey(search, metroExtra(search));
}

/** A career profile's own parameter in its key: the metro table's order (left out at its default). */
function metroExtra(search: URLSearchParams): Record<string, string | null> {
  const sort = parseMetroSort(search.get("metroSort"));
  return { metroSort: sort === "employment" ? null : sort };
}

/** The page's search parameters back from a canonical key's segment (the routes redirect any other). */
export function filtersFromCacheKey(segment: string): RawSearchParams {
  const text = decodeSegment(segment);
  return text === null || text === ALL ? {} : rawParams(new URLSearchParams(text));
}

/** A rewrite to the page-cache route at `pathname`, or on to the per-request page without a key. */
function rewriteTo(request: NextRequest, key: string | null, pathname: (key: string) => string): NextResponse {
  if (key === null) return NextResponse.next();
  const url = request.nextUrl.clone();
  // The key as it is (a canonical query string: "=" and "&" are valid in a path segment), so that
  // the directory's own links to the route (directoryPath) name the same cached page.
  // The query string stays (the page ignores it; Next's own `_rsc` parameter must survive).
  url.pathname = pathname(key);
  return NextResponse.rewrite(url);
}

/** Proxy step for /schools: serve a cacheable filter set from app/directory/[filters]. */
export function rewriteDirectory(request: NextRequest): NextResponse {
  return rewriteTo(request, directoryCacheKey(request.nextUrl.searchParams), (key) => `${DIRECTORY_ROUTE}${key}`);
}

/**
 * Proxy step for /careers/[slug]: serve a cacheable view from app/career-pages/[slug]/[view]. The
 * slug is passed on as the request spelled it (already a valid path segment); an unknown one is the
 * cached route's 404.
 */
export function rewriteCareerProfile(request: NextRequest): NextResponse {
  const slug = request.nextUrl.pathname.split("/")[2];
  if (!slug) return NextResponse.next();
  return rewriteTo(request, careerProfileCacheKey(request.nextUrl.searchParams), (key) => `/career-pages/${slug}/${key}`);
}
