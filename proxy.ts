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
  // The directory: a filter set it can cache is served from the page cache (lib/directory-cache.ts).
  if (request.nextUrl.pathname === "/schools") return rewriteDirectory(request);
  // Likewise a career profile, per slug and view (same file).
  if (request.nextUrl.pathname.startsWith("/careers/")) return rewriteCareerProfile(request);
  return authProxy(request, event);
}

export const config = { matcher: ["/school/:path*", "/ops/:path*", "/schools", "/careers/:slug"] };
