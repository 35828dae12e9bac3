import type { NextAuthConfig } from "next-auth";

/** Eight hours: a working day. The server-side session record expires with it. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/**
 * The edge-safe half of the auth configuration: no adapter, no providers, no database. The proxy
 * uses it to send signed-out visitors to the sign-in page; every page and action still decides on
 * the server (lib/authz.ts), against the session record in the database.
 */
export const authConfig = {
  pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
  callbacks: {
    authorized({ auth }) {
      return Boolean(auth?.user);
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sid = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;
