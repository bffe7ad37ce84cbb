import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { getAuthSecret } from "./secret";
import { SESSION_COOKIES } from "./session-settings";

/** Who the cookie says is signed in, the session version it was issued under, and its session row. */
export type SessionClaims = { userId: number; sessionVersion: number; sessionId: string };

const COOKIE_NAMES = Object.values(SESSION_COOKIES);

/** What the signed session cookie says, unchecked against the database. */
export async function getSessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  const raw = COOKIE_NAMES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: getAuthSecret() });
    if (
      typeof token?.uid === "number" &&
      typeof token.sv === "number" &&
      typeof token.sid === "string"
    ) {
      return { userId: token.uid, sessionVersion: token.sv, sessionId: token.sid };
    }
  } catch {
    // tampered or signed with another secret: no session
  }
  return null;
}
