import { describe, expect, it } from "vitest";
import { directoryQueryString, parseDirectoryParams, sameSitePath, stateFromSlug } from "./directory";
import { haversineMiles, zipCentroid } from "@/lib/geo";

const known = (zip: string) => zipCentroid(zip) !== null;

describe("parseDirectoryParams", () => {
  it("keeps known values, drops unknown ones and applies the rest", () => {
    const { filters, errors } = parseDirectoryParams(
      { credential: ["associate", "wizard", "associate"], delivery: "online", state: "ca", area: "Bad Slug!", sort: "random", page: "-3", accredited: "1", q: "  medical   coding " },
      known,
    );
    expect(errors).toEqual({});
    expect(filters).toMatchObject({ credential: ["associate"], delivery: ["online"], state: "CA", area: null, sort: "recommended", page: 1, accredited: true, q: "medical coding", zip: null });
  });

  it("reports a malformed or unknown ZIP and a bad radius on their fields", () => {
    expect(parseDirectoryParams({ zip: "9001" }, known).errors.zip).toMatch(/5-digit/);
    expect(parseDirectoryParams({ zip: "00000" }, known).errors.zip).toMatch(/could not find/);
    expect(parseDirectoryParams({ zip: "90012", radius: "lots" }, known).errors.radius).toMatch(/miles/);
    expect(parseDirectoryParams({ zip: "90012", radius: "5000" }, known).errors.radius).toMatch(/500 miles or less/);
    const ok = parseDirectoryParams({ zip: "90012", radius: "25", sort: "distance" }, known);
    expect(ok.errors).toEqual({});
    expect(ok.filters).toMatchObject({ zip: "90012", radius: 25, sort: "distance" });
    // Distance needs a ZIP.
    expect(parseDirectoryParams({ sort: "distance" }, known).filters.sort).toBe("recommended");
  });

  it("round-trips through the canonical query string", () => {
    const { filters } = parseDirectoryParams({ q: "x", credential: ["bachelor", "master"], zip: "90012", radius: "100", page: "3" }, known);
    const text = directoryQueryString(filters);
    expect(text).toBe("?q=x&credential=bachelor&credential=master&zip=90012&radius=100&page=3");
    const again = parseDirectoryParams(Object.fromEntries([...new URLSearchParams(text).keys()].map((k) => [k, new URLSearchParams(text).getAll(k)])), known);
    expect(again.filters).toEqual(filters);
  });
});

describe("sameSitePath", () => {
  it("keeps same-site paths without their query string", () => {
    expect(sameSitePath("/schools")).toBe("/schools");
    expect(sameSitePath("/schools?zip=90012&email=a@b.c")).toBe("/schools");
  });
  it("refuses other sites and odd input", () => {
    for (const bad of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", null, "/" + "a".repeat(400)]) {
      expect(sameSitePath(bad)).toBeNull();
    }
  });
});

describe("geo", () => {
  it("knows US ZIP centroids and measures distance", () => {
    const la = zipCentroid("90012")!;
    const sd = zipCentroid("92101")!;
    expect(la.state).toBe("CA");
    expect(haversineMiles(la, sd)).toBeGreaterThan(100);
    expect(haversineMiles(la, sd)).toBeLessThan(125);
    expect(zipCentroid("K1A0B1")).toBeNull();
    expect(stateFromSlug("new-york")).toBe("NY");
    expect(stateFromSlug("atlantis")).toBeNull();
  });
});
