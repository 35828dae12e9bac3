import { NextResponse, type NextRequest } from "next/server";
import {
  RADIUS_CHOICES,
  directoryQueryString,
  parseDirectoryParams,
  type RawSearchParams,
} from "@/lib/validations/directory";

/** The cache key of the unfiltered directory (a path segment cannot be empty). */
const ALL = "all";

/** The query string's parameters in the shape a page receives them. */
function rawParams(search: URLSearchParams): RawSearchParams {
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
 * what was typed), a radius outside the form's choices. Equivalent URLs share a key: the key is the
 * canonical query string of the parsed filters. Whether a well-formed ZIP exists is left to the
 * page, which shows its message for an unknown one (the same for everybody).
 */
export function directoryCacheKey(search: URLSearchParams): string | null {
  const { filters, errors } = parseDirectoryParams(rawParams(search), () => true);
  if (errors.zip || errors.radius || filters.q) return null;
  if (filters.zip && !(RADIUS_CHOICES as readonly number[]).includes(filters.radius)) return null;
  const query = directoryQueryString(filters).slice(1);
  return query === "" ? ALL : query;
}

/**
 * The page's search parameters back from a cache key. The route's `params` may arrive still
 * percent-encoded; a canonical query string holds no "%" of its own, so decoding is always safe.
 */
export function filtersFromCacheKey(key: string): RawSearchParams {
  let text = key;
  try {
    text = decodeURIComponent(key);
  } catch {
    return {};
  }
  return text === ALL ? {} : rawParams(new URLSearchParams(text));
}

/** Proxy step for /schools: serve a cacheable filter set from app/directory/[filters]. */
export function rewriteDirectory(request: NextRequest): NextResponse {
  const key = directoryCacheKey(request.nextUrl.searchParams);
  if (key === null) return NextResponse.next();
  const url = request.nextUrl.clone();
  // The query string stays (the page ignores it; Next's own `_rsc` parameter must survive).
  url.pathname = `/directory/${encodeURIComponent(key)}`;
  return NextResponse.rewrite(url);
}
