import NextAuth from "next-auth";
import type { NextFetchEvent, NextRequest } from "next/server";
import { authConfig } from "./auth.config";
import { rewriteCareerProfile, rewriteDirectory } from "./lib/directory-cache";

/**
 * Sends signed-out visitors of the portal and the operator area to the sign-in page. It only
 * redirects: who may see what is decided on the server by lib/authz.ts.
 */
const { auth } = NextAuth(authConfig);
const authProxy = auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

export function proxy(request: NextRequest, event: NextFetchEvent) {
  // The directory with a query string: a filter set it can cache is served from the page cache
  // (lib/directory-cache.ts). A plain /schools never gets here (next.config.mjs rewrites it).
  if (request.nextUrl.pathname === "/schools") return rewriteDirectory(request);
  // Likewise a career profile, per slug and view (same file).
  if (request.nextUrl.pathname.startsWith("/careers/")) return rewriteCareerProfile(request);
  return authProxy(request, event);
}

/**
 * The portal and the operator area; /schools and /careers/<slug> only with one of the query
 * parameters they read (any one matches). Without one, next.config.mjs rewrites them to their
 * cached pages and this step is skipped. A career slug of another shape (next.config.mjs says
 * which) goes to the per-request page, a 404. Next reads this object without running the module,
 * so the lists are written out; lib/directory-routing.test.ts holds them to the parser's.
 */
export const config = {
  matcher: [
    "/school/:path*",
    "/ops/:path*",
    { source: "/schools", has: [{ type: "query", key: "q" }] },
    { source: "/schools", has: [{ type: "query", key: "area" }] },
    { source: "/schools", has: [{ type: "query", key: "credential" }] },
    { source: "/schools", has: [{ type: "query", key: "delivery" }] },
    { source: "/schools", has: [{ type: "query", key: "state" }] },
    { source: "/schools", has: [{ type: "query", key: "zip" }] },
    { source: "/schools", has: [{ type: "query", key: "radius" }] },
    { source: "/schools", has: [{ type: "query", key: "accredited" }] },
    { source: "/schools", has: [{ type: "query", key: "sort" }] },
    { source: "/schools", has: [{ type: "query", key: "page" }] },
    { source: "/careers/:slug([a-z0-9-]{1,120})", has: [{ type: "query", key: "q" }] },
    { source: "/careers/:slug([a-z0-9-]{1,120})", has: [{ type: "query", key: "area" }] },
    { source: "/careers/:slug([a-z0-9-]{1,120})", has: [{ type: "query", key: "credential" }] },
    { source: "/careers/:slug([a-z0-9-]{1,120})", has: [{ type: "query", key: "delivery" }] },
    { source: "/careers/:slug([a-z0-9-]{1,120})", has: [{ type: "query", key: "state" }] },
    { source: "/careers/:slug([a-z0-9-]{1,120})", has: [{ type: "query", key: "zip" }] },
    { source: "/careers/:slug([a-z0-9-]{1,120})", has: [{ type: "query", key: "radius" }] },
    { source: "/careers/:slug([a-z0-9-]{1,120})", has: [{ type: "query", key: "accredited" }] },
    { source: "/careers/:slug([a-z0-9-]{1,120})", has: [{ type: "query", key: "sort" }] },
    { source: "/careers/:slug([a-z0-9-]{1,120})", has: [{ type: "query", key: "page" }] },
    { source: "/careers/:slug([a-z0-9-]{1,120})", has: [{ type: "query", key: "metroSort" }] },
  ],
};
