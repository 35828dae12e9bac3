import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** Id of the server-side session record (sessions table); checked on every request. */
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
