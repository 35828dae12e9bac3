import { describe, expect, it } from "vitest";
import { MAX_CACHE_KEY_LENGTH } from "@/lib/cache-key-limit";
import { DIRECTORY_ROUTE, directoryCacheKey, rawParams } from "@/lib/directory-cache";
import { RADIUS_CHOICES, parseDirectoryParams } from "@/lib/validations/directory";
import { formAddress } from "./form-address";

type Form = Partial<{ q: string; area: string; credential: string[]; delivery: string[]; state: string; zip: string; radius: string; accredited: boolean; sort: string }>;

/** What the directory form sends, in its fields' order, as FormData lists it. */
function formValues(form: Form): [string, string][] {
  return [
    ["q", form.q ?? ""],
    ["area", form.area ?? ""],
    ...(form.credential ?? []).map((c): [string, string] => ["credential", c]),
    ...(form.delivery ?? []).map((d): [string, string] => ["delivery", d]),
    ["state", form.state ?? ""],
    ["zip", form.zip ?? ""],
    ["radius", form.radius ?? "50"],
    ...(form.accredited ? [["accredited", "1"] as [string, string]] : []),
    ["sort", form.sort ?? "recommended"],
  ];
}

/** Where the server sends the same values submitted to /schools (the proxy's key, lib/directory-cache.ts). */
function serverAddress(values: [string, string][]): string | null {
  const key = directoryCacheKey(new URLSearchParams(values));
  if (key === null) return null;
  return key === "all" ? "/schools" : `${DIRECTORY_ROUTE}${key}`;
}

const EVERY_CREDENTIAL = ["certificate", "diploma", "associate", "bachelor", "master"];
const EVERY_DELIVERY = ["online", "campus", "hybrid"];

const FORMS: Form[] = [
  {},
  { sort: "name" },
  { credential: ["bachelor"] },
  { credential: ["associate", "bachelor"], delivery: ["online", "hybrid"], state: "TX" },
  { area: "medical-coding", accredited: true, sort: "name" },
  { zip: "75201", radius: "25", sort: "distance" },
  { zip: " 75201 ", state: "TX", accredited: true },
  { radius: "100", sort: "distance" },
  { zip: "123" },
  { zip: "75201", radius: "37" },
  { q: "informatics", state: "CA" },
  // The longest keys: cached up to 200 characters, rendered per request beyond (a file name's limit).
  { area: "health-information-technology", credential: EVERY_CREDENTIAL, delivery: EVERY_DELIVERY, state: "CA" },
  { area: "health-information-technology", credential: EVERY_CREDENTIAL, delivery: EVERY_DELIVERY, zip: "90012", radius: "250", accredited: true, sort: "distance" },
];

describe("the directory form's address with JavaScript", () => {
  it("is, for every cached filter set, the address the server's own links use: no redirect", () => {
    for (const form of FORMS) {
      const values = formValues(form);
      const address = formAddress("/schools", DIRECTORY_ROUTE, values, RADIUS_CHOICES);
      const expected = serverAddress(values);
      if (expected !== null) {
        expect(address, JSON.stringify(form)).toBe(expected);
      } else {
        // Rendered per request: /schools with a query string that means the same filters.
        expect(address, JSON.stringify(form)).toMatch(/^\/schools\?/);
        const sent = rawParams(new URLSearchParams(address.slice("/schools?".length)));
        const full = rawParams(new URLSearchParams(values));
        expect(parseDirectoryParams(sent, () => true), JSON.stringify(form)).toEqual(parseDirectoryParams(full, () => true));
      }
    }
  });

  it("sends a filter set to its cached address up to the longest key cached, and past it to /schools", () => {
    const form = (areaLength: number): Form => ({ area: "a".repeat(areaLength), credential: EVERY_CREDENTIAL, delivery: EVERY_DELIVERY, state: "CA" });
    // The key's length less the area slug's (an empty area would drop the parameter altogether).
    const fixed = formAddress("/schools", DIRECTORY_ROUTE, formValues(form(1)), RADIUS_CHOICES).length - DIRECTORY_ROUTE.length - 1;
    const at = formValues(form(MAX_CACHE_KEY_LENGTH - fixed));
    const past = formValues(form(MAX_CACHE_KEY_LENGTH + 1 - fixed));
    expect(formAddress("/schools", DIRECTORY_ROUTE, at, RADIUS_CHOICES)).toBe(serverAddress(at));
    expect(formAddress("/schools", DIRECTORY_ROUTE, at, RADIUS_CHOICES).length).toBe(DIRECTORY_ROUTE.length + MAX_CACHE_KEY_LENGTH);
    expect(serverAddress(past)).toBeNull();
    expect(formAddress("/schools", DIRECTORY_ROUTE, past, RADIUS_CHOICES)).toMatch(/^\/schools\?area=a+&credential=certificate/);
  });

  it("keeps a career profile's directory on the profile's own address, without the defaults", () => {
    const action = "/careers/medical-records-and-health-information-technicians";
    expect(formAddress(action, undefined, formValues({}), RADIUS_CHOICES)).toBe(action);
    expect(formAddress(action, undefined, formValues({ credential: ["associate"], state: "CA" }), RADIUS_CHOICES)).toBe(
      `${action}?credential=associate&state=CA`,
    );
    expect(formAddress(action, undefined, formValues({ zip: "91402", radius: "25" }), RADIUS_CHOICES)).toBe(`${action}?zip=91402&radius=25`);
  });
});
