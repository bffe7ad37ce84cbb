import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getAuthState } from "@/lib/dal/people/auth";
import { safeCallbackPath } from "./request";
import { getAuthSecret } from "./secret";
import { SESSION_MAX_AGE } from "./session-cookie";

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
  callbacks: {
    async jwt({ token }) {
      // Every read re-checks the database: a ban, role change, password
      // change or "sign out everywhere" ends this session on its next request.
      if (typeof token.uid !== "number") return { ...token, revoked: true };
      const state = await getAuthState(token.uid);
      if (!state || state.banned || state.deleted || state.sessionVersion !== token.sv) {
        return { ...token, revoked: true };
      }
      return { ...token, role: state.role, name: state.name };
    },
    async session({ session, token }) {
      if (token.revoked || typeof token.uid !== "number" || !token.role) {
        return { expires: session.expires };
      }
      return {
        expires: session.expires,
        user: { id: token.uid, name: String(token.name ?? ""), role: token.role },
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
