import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Resend from "next-auth/providers/resend";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { authConfig, SESSION_MAX_AGE_SECONDS } from "./auth.config";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { recordAudit } from "@/db/queries/audit";
import { createSessionRecord, deleteSessionRecord, findUserByEmail } from "@/db/queries/users";
import { enqueueEmail } from "@/lib/email/outbox";
import { magicLinkEmail } from "@/lib/auth/emails";
import { checkPasswordSignIn } from "@/lib/auth/password-sign-in";
import { hashToken } from "@/lib/auth/tokens";

/** Magic links work once, for ten minutes. */
export const MAGIC_LINK_MAX_AGE_SECONDS = 600;

class LockedOut extends CredentialsSignin {
  code = "locked";
}

/**
 * The full auth configuration: the Drizzle adapter (users, accounts, verification tokens), email
 * sign-in through the product's outbox, and password sign-in with attempt limits. The config is a
 * function so the database opens on first use, never at import or build time.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  return {
    ...authConfig,
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    providers: [
      Resend({
        id: "email",
        name: "Email",
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        async sendVerificationRequest({ identifier, url }) {
          // Only active accounts get a link; the page says the same either way, so it reveals nothing.
          const user = await findUserByEmail(identifier);
          if (!user || user.disabledAt) return;
          const email = magicLinkEmail(url, MAGIC_LINK_MAX_AGE_SECONDS / 60);
          await enqueueEmail(await getDb(), {
            kind: "magic_link",
            to: [user.email],
            ...email,
            idempotencyKey: `magic_link:${hashToken(url)}`,
          });
        },
      }),
      Credentials({
        id: "password",
        name: "Password",
        credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, request) {
          const result = await checkPasswordSignIn(raw, request.headers);
          if (!result.ok && result.reason === "locked") throw new LockedOut();
          return result.ok ? result.user : null;
        },
      }),
    ],
    callbacks: {
      ...authConfig.callbacks,
      async signIn({ user, account, email }) {
        if (account?.provider !== "email") return true;
        // Asking for a link: always "sent", whether or not the address has an account.
        if (email?.verificationRequest) return true;
        const existing = user.email ? await findUserByEmail(user.email) : null;
        return Boolean(existing && !existing.disabledAt);
      },
      async jwt({ token, user, account }) {
        if (user?.id) {
          token.sub = user.id;
          token.sid = await createSessionRecord(user.id, SESSION_MAX_AGE_SECONDS);
          await recordAudit({ action: "auth.sign_in", actorUserId: user.id, metadata: { provider: account?.provider ?? "unknown" } });
        }
        return token;
      },
    },
    events: {
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (token?.sid) await deleteSessionRecord(token.sid);
        if (token?.sub) await recordAudit({ action: "auth.sign_out", actorUserId: token.sub });
      },
    },
  };
});
