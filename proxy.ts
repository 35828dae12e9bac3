import NextAuth from "next-auth";
import { authConfig } from "./auth.config";

/**
 * Sends signed-out visitors of the portal and the operator area to the sign-in page. It only
 * redirects: who may see what is decided on the server by lib/authz.ts.
 */
const { auth } = NextAuth(authConfig);
export const proxy = auth;

export const config = { matcher: ["/school/:path*", "/ops/:path*"] };
