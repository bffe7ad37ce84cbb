import "server-only";
import { cookies } from "next/headers";
import { decodeSessionCookie } from "./cookie-token";

/** Who the cookie says is signed in, the session version it was issued under, and its session row. */
export type SessionClaims = { userId: number; sessionVersion: number; sessionId: string };

/** What the signed session cookie says, unchecked against the database. */
export async function getSessionClaims(): Promise<SessionClaims | null> {
  const token = await decodeSessionCookie(await cookies());
  if (
    typeof token?.uid === "number" &&
    typeof token.sv === "number" &&
    typeof token.sid === "string"
  ) {
    return { userId: token.uid, sessionVersion: token.sv, sessionId: token.sid };
  }
  return null;
}
