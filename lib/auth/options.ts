import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getAuthState, verifyCredentials } from "@/lib/dal/people/auth";
import { describeRetry } from "@/lib/messages/retry";
import { signInSchema } from "@/lib/validation/auth";
import { SIGN_IN_ERROR_CODES as SIGN_IN_ERRORS } from "@/lib/validation/sign-in-errors";
import { clientIp, safeCallbackPath } from "./request";
import { getAuthSecret } from "./secret";

export const authOptions: NextAuthOptions = {
  // A getter: the secret is read (or generated) when auth first runs, never at build time.
  get secret() {
    return getAuthSecret();
  },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse({
          email: credentials?.email,
          password: credentials?.password,
        });
        if (!parsed.success) return null;
        const headers = new Headers(req.headers as Record<string, string>);
        const result = await verifyCredentials(parsed.data, clientIp(headers));
        if (result.ok) {
          const { id, ...rest } = result.user;
          return { id: String(id), ...rest };
        }
        if (result.reason === "banned") throw new Error(SIGN_IN_ERRORS.banned);
        if (result.reason === "rate_limited") {
          throw new Error(
            `${SIGN_IN_ERRORS.rateLimited}${describeRetry(result.retryAfterSeconds)}`,
          );
        }
        return null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        return {
          ...token,
          uid: Number(user.id),
          sv: user.sessionVersion,
          role: user.role,
          name: user.name,
        };
      }
      // Every later read re-checks the database: a ban, role change, password
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
