import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import type { SignedInUser } from "@/lib/dal/people/auth";
import { closeSession } from "@/lib/dal/people/sessions";
import { getSessionClaims } from "./claims";
import { SESSION_COOKIES, SESSION_MAX_AGE } from "./session-settings";
import { getAuthSecret } from "./secret";

const secureSite = () => process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;

/**
 * Signs a person in: the same signed JWT cookie next-auth would set, so
 * next-auth (the header's session) and lib/auth/claims.ts read it as theirs.
 * Made here because sign-in is a server action (a form that works without
 * JavaScript), not next-auth's own callback.
 */
export async function startSession(user: SignedInUser, sessionId: string): Promise<void> {
  const token = await encode({
    token: {
      sub: String(user.id),
      name: user.name,
      uid: user.id,
      sv: user.sessionVersion,
      sid: sessionId,
      role: user.role,
    },
    secret: getAuthSecret(),
    maxAge: SESSION_MAX_AGE,
  });
  const secure = secureSite();
  (await cookies()).set(secure ? SESSION_COOKIES.secure : SESSION_COOKIES.plain, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge: SESSION_MAX_AGE,
  });
}

/** Signs this browser out: its session ends on the server, and both cookie names go. */
export async function endSession(): Promise<void> {
  const claims = await getSessionClaims();
  if (claims) await closeSession(claims);
  const jar = await cookies();
  for (const name of Object.values(SESSION_COOKIES)) {
    // A __Secure- cookie can only be replaced by a Secure one, expiry included.
    jar.set(name, "", { maxAge: 0, path: "/", secure: name === SESSION_COOKIES.secure });
  }
}
