import { describe, expect, it } from "vitest";
import { MAX_CACHE_KEY_LENGTH } from "@/lib/cache-key-limit";
import { parseDirectoryParams } from "@/lib/validations/directory";
import {
  careerProfileCacheKey,
  careerViewRedirect,
  directoryCacheKey,
  directoryPath,
  directoryRedirect,
  filtersFromCacheKey,
  parseMetroSort,
  rawParams,
} from "./directory-cache";

const key = (query: string) => directoryCacheKey(new URLSearchParams(query));
const filtersOf = (query: string) => parseDirectoryParams(rawParams(new URLSearchParams(query)), () => true).filters;

describe("directory page-cache keys", () => {
  it("gives equivalent filter sets one key, whatever the order, case or noise of the query string", () => {
    const a = key("delivery=online&credential=associate&state=ca&utm_source=x&_rsc=abc");
    expect(a).toBe("credential=associate&delivery=online&state=CA");
    expect(key("state=CA&credential=associate&delivery=online&credential=associate")).toBe(a);
    expect(key("credential=associate&credential=bogus&delivery=online&state=CA&page=1&sort=recommended")).toBe(a);
  });

  it("keys the unfiltered directory, pages, sorts and ZIP searches", () => {
    expect(key("")).toBe("all");
    expect(key("sort=name&page=3")).toBe("sort=name&page=3");
    expect(key("zip=90012&radius=25&sort=distance")).toBe("zip=90012&radius=25&sort=distance");
    expect(key("zip=90012")).toBe("zip=90012&radius=50");
  });

  it("leaves free-text searches, field errors and unusual radii to per-request rendering", () => {
    expect(key("q=coding")).toBeNull();
    expect(key("zip=9001")).toBeNull();
    expect(key("zip=90012&radius=abc")).toBeNull();
    expect(key("zip=90012&radius=37")).toBeNull();
  });

  it("leaves a key too long for a file name to per-request rendering", () => {
    // Next names a cached page's files after its key (`<key>.segments`), at most 255 bytes.
    const many = [
      ...["certificate", "diploma", "associate", "bachelor", "master"].map((c) => `credential=${c}`),
      ...["online", "campus", "hybrid"].map((d) => `delivery=${d}`),
    ].join("&");
    const long = `area=health-information-technology&${many}&state=CA`;
    expect(key(long)).toBe(long);
    expect(long.length).toBeLessThanOrEqual(MAX_CACHE_KEY_LENGTH);
    const longer = `area=health-information-technology&${many}&state=CA&zip=90012&radius=250&accredited=1&sort=distance&page=400`;
    expect(longer.length).toBeGreaterThan(MAX_CACHE_KEY_LENGTH);
    expect(key(longer)).toBeNull();
    expect(directoryPath(filtersOf(longer))).toBe(`/schools?${longer}`);
    expect(directoryRedirect(longer, () => true)).toBe(`/schools?${longer}`);
    // Exactly at the limit and one past it (a longer area slug).
    const withArea = (length: number) => `area=${"a".repeat(length)}&${many}&state=CA`;
    const atLimit = withArea(MAX_CACHE_KEY_LENGTH - withArea(0).length);
    expect(atLimit.length).toBe(MAX_CACHE_KEY_LENGTH);
    expect(key(atLimit)).toBe(atLimit);
    expect(directoryPath(filtersOf(atLimit))).toBe(`/directory/${atLimit}`);
    const pastLimit = withArea(MAX_CACHE_KEY_LENGTH + 1 - withArea(0).length);
    expect(key(pastLimit)).toBeNull();
    expect(directoryPath(filtersOf(pastLimit))).toBe(`/schools?${pastLimit}`);
    // A career profile's key counts its own parameter too.
    expect(careerProfileCacheKey(new URLSearchParams(long))).toBe(long);
    expect(careerProfileCacheKey(new URLSearchParams(`${long}&metroSort=salary`))).toBeNull();
  });

  it("turns a key back into the page's search parameters", () => {
    expect(filtersFromCacheKey("all")).toEqual({});
    const expected = { credential: ["associate", "diploma"], state: "CA" };
    expect(filtersFromCacheKey("credential=associate&credential=diploma&state=CA")).toEqual(expected);
    expect(filtersFromCacheKey(encodeURIComponent("credential=associate&credential=diploma&state=CA"))).toEqual(expected);
    expect(filtersFromCacheKey("%E0%A4%A")).toEqual({});
  });
});

describe("directory addresses", () => {
  it("links a cached filter set to its page-cache route, by the same key the proxy rewrites to", () => {
    for (const query of ["state=CA&delivery=online", "zip=90012&radius=25&sort=distance&page=2", "credential=associate&accredited=1"]) {
      const path = directoryPath(filtersOf(query));
      expect(path).toBe(`/directory/${key(query)}`);
      // The route takes it as it is: no redirect.
      expect(directoryRedirect(path.slice("/directory/".length), () => true)).toBeNull();
    }
  });

  it("links the unfiltered directory and what is rendered per request to /schools", () => {
    expect(directoryPath({})).toBe("/schools");
    expect(directoryPath(filtersOf("sort=recommended&page=1"))).toBe("/schools");
    expect(directoryPath(filtersOf("q=coding&state=CA"))).toBe("/schools?q=coding&state=CA");
    expect(directoryPath(filtersOf("zip=90012&radius=37"))).toBe("/schools?zip=90012&radius=37");
  });

  it("redirects a route segment that is not a canonical key to the address that is", () => {
    const redirect = (segment: string) => directoryRedirect(segment, (slug) => slug === "medical-coding");
    // Another order, case, a default, noise or an unknown program area: the canonical key.
    expect(redirect("state=ca&delivery=online")).toBe("/directory/delivery=online&state=CA");
    expect(redirect("delivery=online&state=CA&utm_source=x")).toBe("/directory/delivery=online&state=CA");
    expect(redirect("area=zzz-unknown&state=CA")).toBe("/directory/state=CA");
    expect(redirect("area=zzz-unknown")).toBe("/schools");
    expect(redirect("sort=recommended")).toBe("/schools");
    expect(redirect("radius=50")).toBe("/schools");
    expect(redirect("garbage")).toBe("/schools");
    // Next hands the segment over percent-encoded, however the address spelled it; one encoded
    // twice decodes to noise.
    expect(redirect(encodeURIComponent("delivery=online&state%3DCA"))).toBe("/directory/delivery=online");
    expect(redirect("%E0%A4%A")).toBe("/schools");
    // Free text or a field error: the per-request page, which shows the message.
    expect(redirect("zip=9001&radius=50")).toBe("/schools?zip=9001&radius=50");
    expect(redirect("q=coding")).toBe("/schools?q=coding");
    // Canonical keys, as Next hands them over or spelled plainly: the page itself.
    expect(redirect("all")).toBeNull();
    expect(redirect(encodeURIComponent("delivery=online&state=CA"))).toBeNull();
    expect(redirect("delivery=online&state=CA")).toBeNull();
    expect(redirect("area=medical-coding&credential=associate")).toBeNull();
  });

  it("sends a career profile's non-canonical cached view back to the profile's address", () => {
    const slug = "medical-records-and-health-information-technicians";
    const redirect = (view: string) => careerViewRedirect(slug, view, () => false);
    expect(redirect("all")).toBeNull();
    expect(redirect("state=CA&metroSort=salary")).toBeNull();
    expect(redirect(encodeURIComponent("state=CA&metroSort=salary"))).toBeNull();
    expect(redirect("metroSort=salary&state=ca")).toBe(`/careers/${slug}?state=CA&metroSort=salary`);
    expect(redirect("metroSort=employment")).toBe(`/careers/${slug}`);
    expect(redirect("area=zzz-unknown")).toBe(`/careers/${slug}`);
    expect(redirect("q=coding")).toBe(`/careers/${slug}?q=coding`);
  });
});

const careerKey = (query: string) => careerProfileCacheKey(new URLSearchParams(query));

describe("career profile page-cache keys", () => {
  it("keys the metro table's order after the filters; the default order and unknown parameters add nothing", () => {
    expect(careerKey("")).toBe("all");
    expect(careerKey("metroSort=employment&utm_source=x&_rsc=abc")).toBe("all");
    expect(careerKey("metroSort=bogus")).toBe("all");
    expect(careerKey("metroSort=salary")).toBe("metroSort=salary");
    expect(careerKey("metroSort=salary&state=ca&credential=associate")).toBe("credential=associate&state=CA&metroSort=salary");
    expect(careerKey("state=CA&metroSort=salary&credential=associate&metroSort=employment")).toBe(
      "credential=associate&state=CA&metroSort=salary",
    );
    expect(careerKey("zip=91402&radius=25")).toBe("zip=91402&radius=25");
  });

  it("leaves the same views as the directory to per-request rendering", () => {
    expect(careerKey("q=coding&metroSort=salary")).toBeNull();
    expect(careerKey("zip=9140")).toBeNull();
    expect(careerKey("zip=91402&radius=37")).toBeNull();
  });

  it("gives the page back the order its key names", () => {
    for (const query of ["", "metroSort=salary", "credential=associate&state=CA&metroSort=salary"]) {
      const params = filtersFromCacheKey(careerKey(query) ?? "");
      expect(parseMetroSort(params.metroSort)).toBe(new URLSearchParams(query).get("metroSort") ?? "employment");
    }
  });
});
