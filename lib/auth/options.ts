import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getAuthState } from "@/lib/dal/people/auth";
import { closeSession } from "@/lib/dal/people/sessions";
import { safeCallbackPath } from "./request";
import { getAuthSecret } from "./secret";
import { SESSION_MAX_AGE } from "./session-settings";

export const authOptions: NextAuthOptions = {
  // A getter: the secret is read (or generated) when auth first runs, never at build time.
  get secret() {
    return getAuthSecret();
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/login" },
  // Signing in is a server action (lib/auth/sign-in.ts) that sets next-auth's
  // own cookie, so it works as a plain HTML form; next-auth reads and ends sessions.
  providers: [],
  events: {
    // The header's "Sign out" (next-auth's own, once JavaScript runs) ends the session's
    // row as the sign-out action does, so a copy of the cookie stops working too.
    async signOut({ token }) {
      if (typeof token?.uid === "number" && typeof token.sid === "string") {
        await closeSession({ userId: token.uid, sessionId: token.sid });
      }
    },
  },
  callbacks: {
    async jwt({ token }) {
      // Every read re-checks the database: a ban, role change, password change,
      // "sign out everywhere" or this session's end takes effect on its next request.
      if (typeof token.uid !== "number" || typeof token.sid !== "string") {
        return { ...token, revoked: true };
      }
      const state = await getAuthState({ userId: token.uid, sessionId: token.sid });
      if (
        !state ||
        state.banned ||
        state.deleted ||
        !state.sessionOpen ||
        state.sessionVersion !== token.sv
      ) {
        return { ...token, revoked: true };
      }
      return {
        ...token,
        role: state.role,
        name: state.name,
        emailVerified: state.emailVerified,
      };
    },
    async session({ session, token }) {
      if (token.revoked || typeof token.uid !== "number" || !token.role) {
        return { expires: session.expires };
      }
      return {
        expires: session.expires,
        user: {
          id: token.uid,
          name: String(token.name ?? ""),
          role: token.role,
          emailVerified: token.emailVerified === true,
        },
      };
    },
    async redirect({ url, baseUrl }) {
      // Same origin only, whatever callbackUrl a link carried.
      if (url.startsWith(baseUrl))
        return `${baseUrl}${safeCallbackPath(url.slice(baseUrl.length))}`;
      return `${baseUrl}${safeCallbackPath(url)}`;
    },
  },
};
