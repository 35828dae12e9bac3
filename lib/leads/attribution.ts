import { ATTRIBUTION_KEYS, type AttributionKey } from "@/lib/validations/lead";

/** UTM parameters and click ids from the query, the referring page and the landing page. */
export function attributionFrom(
  query: Record<string, string | string[] | undefined> | URLSearchParams,
  referrer: string | null,
  landingPage: string,
): Partial<Record<AttributionKey, string>> {
  const get = (k: string) => {
    const v = query instanceof URLSearchParams ? query.get(k) : query[k];
    return (Array.isArray(v) ? v[0] : v) ?? undefined;
  };
  const out: Partial<Record<AttributionKey, string>> = {};
  for (const k of ATTRIBUTION_KEYS) {
    const v = get(k);
    if (v) out[k] = v.slice(0, 500);
  }
  if (referrer) out.referrer = referrer.slice(0, 500);
  out.landing_page = landingPage.slice(0, 500);
  return out;
}
