import { decode, type JWT } from "next-auth/jwt";
import { getAuthSecret } from "./secret";
import { SESSION_COOKIES } from "./session-settings";

const COOKIE_NAMES = Object.values(SESSION_COOKIES);

type CookieJar = { get(name: string): { value: string } | undefined };

/** The session cookie's token, decrypted and unchecked against the database; null if none or bad. */
export async function decodeSessionCookie(jar: CookieJar): Promise<JWT | null> {
  const raw = COOKIE_NAMES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!raw) return null;
  try {
    return await decode({ token: raw, secret: getAuthSecret() });
  } catch {
    return null; // tampered or signed with another secret
  }
}

/**
 * The role a request's session cookie names, unchecked against the database,
 * or null (no cookie, tampered, expired, revoked), with who it names and when
 * it was issued (ms). Only the proxy uses it, to choose between a page's
 * cached shell and its server rendering: it grants nothing, as the shell's
 * data comes from routes that check the database.
 */
export async function cookieRole(
  jar: CookieJar,
): Promise<{ role: string; userId: number; issuedAt: number } | null> {
  const token = await decodeSessionCookie(jar);
  if (!token || token.revoked || typeof token.uid !== "number") return null;
  if (typeof token.role !== "string" || typeof token.iat !== "number") return null;
  return { role: token.role, userId: token.uid, issuedAt: token.iat * 1000 };
}
