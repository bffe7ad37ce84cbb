import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "./secret";

// "<user id>.<HMAC-SHA256 of 'unsubscribe:<id>' under the site secret>": anyone
// holding an email of ours may stop that person's email, nobody else can.

const signature = (userId: number) =>
  createHmac("sha256", getAuthSecret()).update(`unsubscribe:${userId}`).digest("base64url");

/** The token in a person's unsubscribe link. */
export function unsubscribeToken(userId: number): string {
  return `${userId}.${signature(userId)}`;
}

/** The person a token speaks for, or null when it is not one we signed. */
export function userOfUnsubscribeToken(token: string): number | null {
  const m = /^([1-9]\d{0,9})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const userId = Number(m[1]);
  if (userId > 2_147_483_647) return null;
  const expected = Buffer.from(signature(userId));
  const given = Buffer.from(m[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null;
}
