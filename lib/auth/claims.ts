import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { getAuthSecret } from "./secret";
import { SESSION_COOKIES } from "./session-cookie";

export type SessionClaims = { userId: number; sessionVersion: number };

const COOKIE_NAMES = Object.values(SESSION_COOKIES);

/** What the signed session cookie says, unchecked against the database. */
export async function getSessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  const raw = COOKIE_NAMES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret: getAuthSecret() });
    if (typeof token?.uid === "number" && typeof token.sv === "number") {
      return { userId: token.uid, sessionVersion: token.sv };
    }
  } catch {
    // tampered or signed with another secret: no session
  }
  return null;
}
