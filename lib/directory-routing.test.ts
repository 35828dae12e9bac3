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

/** A career profile reads the directory's parameters and its metro table's order (parseMetroSort). */
const CAREER_PARAMS = [...DIRECTORY_PARAMS, "metroSort"];
const sorted = (keys: Iterable<string>) => [...keys].sort();
/** A career slug as the operators' form allows it (letters, digits, hyphens; at most 120). */
const CAREER_SOURCE = "/careers/:slug([a-z0-9-]{1,120})";

describe("routing of the directory's and career profiles' query strings", () => {
  it("names as the directory's parameters exactly those the parser reads", () => {
    // The parser's reads, recorded: a parameter added to it and not to the list fails here.
    const read = new Set<string>();
    const params = new Proxy(
      {},
      {
        get(_, key) {
          if (typeof key === "string") read.add(key);
          return undefined;
        },
      },
    );
    const { filters } = parseDirectoryParams(params, () => true);
    expect(sorted(read)).toEqual(sorted(DIRECTORY_PARAMS));
    // And they are the filters' names, as the canonical query string spells them.
    expect(sorted(Object.keys(filters))).toEqual(sorted(DIRECTORY_PARAMS));
  });

  it("rewrites a plain /schools or /careers/<slug> to its cached page only when none of them is present", async () => {
    const rewrites = (await nextConfig.rewrites!()) as unknown as { beforeFiles: Route[] };
    const missing = (destination: string) => {
      const route = rewrites.beforeFiles.find((r) => r.destination === destination)!;
      expect(route.missing!.every((c) => c.type === "query")).toBe(true);
      return { source: route.source, keys: sorted(route.missing!.map((c) => c.key)) };
    };
    expect(missing("/directory/all")).toEqual({ source: "/schools", keys: sorted(DIRECTORY_PARAMS) });
    expect(missing("/career-pages/:slug/all")).toEqual({ source: CAREER_SOURCE, keys: sorted(CAREER_PARAMS) });
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
    expect(present(CAREER_SOURCE)).toEqual(sorted(CAREER_PARAMS));
    // And not for a plain page, nor for another career path: every entry for these pages is one of the above.
    const strings = (proxyConfig.matcher as (string | Route)[]).filter((m): m is string => typeof m === "string");
    expect(strings.filter((m) => m.startsWith("/schools") || m.startsWith("/careers"))).toEqual([]);
    expect(routes.filter((r) => r.source !== "/schools" && r.source !== CAREER_SOURCE)).toEqual([]);
  });
});
