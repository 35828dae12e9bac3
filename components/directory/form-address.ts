import { MAX_CACHE_KEY_LENGTH } from "@/lib/cache-key-limit";

/**
 * Where the directory form's values go when JavaScript applies them (components/directory/
 * auto-submit.tsx), spelled as the server spells its own links (lib/directory-cache.ts
 * `directoryPath`), so that an instant filter lands on the page without a redirect. Client code: no
 * zod, no database, no ZIP data; the unit test holds it to the server's page-cache key over a table
 * of the form's states.
 *
 * - The recommended sort, a radius without a ZIP, and a distance sort without a ZIP are left out
 *   (the server's parse drops them too).
 * - With `cachedPath` (the /schools directory), a filter set goes to its page-cache address: the
 *   form's fields are in the key's order. A free-text search, a ZIP that is not five digits, a
 *   radius the form does not offer, or a key too long to cache goes to `action` with the query
 *   string (rendered per request).
 * - No filter at all is `action` itself.
 */
export function formAddress(action: string, cachedPath: string | undefined, values: Iterable<[string, string]>, radiusChoices: readonly number[]): string {
  const params = new URLSearchParams();
  for (const [key, value] of values) {
    if (value.trim() !== "") params.append(key, value.trim());
  }
  const zip = params.get("zip");
  if (!zip) {
    params.delete("radius");
    if (params.get("sort") === "distance") params.delete("sort");
  }
  if (params.get("sort") === "recommended") params.delete("sort");
  const query = params.toString();
  if (!query) return action;
  const cached =
    cachedPath !== undefined &&
    !params.has("q") &&
    query.length <= MAX_CACHE_KEY_LENGTH &&
    (!zip || (/^\d{5}$/.test(zip) && radiusChoices.includes(Number(params.get("radius") ?? NaN))));
  return cached ? `${cachedPath}${query}` : `${action}?${query}`;
}
