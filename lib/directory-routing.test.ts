import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config.mjs";
import { config as proxyConfig } from "@/proxy";
import { DIRECTORY_PARAMS, parseDirectoryParams } from "@/lib/validations/directory";

/**
 * A plain /schools or /careers/<slug> is rewritten to its cached page by next.config.mjs, and the
 * proxy runs only when the query string holds a parameter the page reads. Both files must name
 * every such parameter: one left out of next.config.mjs would serve its filtered page unfiltered,
 * one left out of proxy.ts would leave it uncached. Neither file can import the parser's list, so
 * this holds the three together.
 */

type Condition = { type: string; key: string };
type Route = { source: string; has?: Condition[]; missing?: Condition[]; destination?: string };

const CAREER_PARAMS = [...DIRECTORY_PARAMS, "metroSort"];
const sorted = (keys: Iterable<string>) => [...keys].sort();

describe("routing of the directory's and career profiles' query strings", () => {
  it("names as the directory's parameters exactly the filters the parser reads", () => {
    const { filters } = parseDirectoryParams({}, () => true);
    expect(sorted(DIRECTORY_PARAMS)).toEqual(sorted(Object.keys(filters)));
  });

  it("rewrites a plain /schools or /careers/<slug> to its cached page only when none of them is present", async () => {
    const rewrites = (await nextConfig.rewrites!()) as unknown as { beforeFiles: Route[] };
    const missing = (source: string) => {
      const route = rewrites.beforeFiles.find((r) => r.source === source)!;
      expect(route.missing!.every((c) => c.type === "query")).toBe(true);
      return sorted(route.missing!.map((c) => c.key));
    };
    expect(missing("/schools")).toEqual(sorted(DIRECTORY_PARAMS));
    expect(missing("/careers/:slug")).toEqual(sorted(CAREER_PARAMS));
  });

  it("runs the proxy for /schools and /careers/<slug> when any one of them is present", () => {
    const routes = (proxyConfig.matcher as (string | Route)[]).filter((m): m is Route => typeof m !== "string");
    const present = (source: string) =>
      sorted(
        routes
          .filter((r) => r.source === source)
          .map((r) => {
            expect(r.has).toHaveLength(1);
            expect(r.has![0]!.type).toBe("query");
            return r.has![0]!.key;
          }),
      );
    expect(present("/schools")).toEqual(sorted(DIRECTORY_PARAMS));
    expect(present("/careers/:slug")).toEqual(sorted(CAREER_PARAMS));
    // And not for a plain page: no matcher entry without a condition.
    expect(proxyConfig.matcher).not.toContain("/schools");
    expect(proxyConfig.matcher).not.toContain("/careers/:slug");
  });
});
