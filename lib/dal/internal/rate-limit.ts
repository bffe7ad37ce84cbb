import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rateLimits, users } from "@/db/schema";
import { currentRequestIp } from "@/lib/auth/request-ip";

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };
export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The limits, in one place. Windows are fixed, so a locked-out victim waits at most one window. */
export const RATE_LIMITS = {
  // Failed password checks only (a success is refunded: see refundRateLimit).
  signInPerAccount: { name: "signin:account", limit: 10, windowSeconds: 15 * 60 },
  signInPerIp: { name: "signin:ip", limit: 50, windowSeconds: 15 * 60 },
  signUpPerIp: { name: "signup:ip", limit: 5, windowSeconds: 60 * 60 },
  // Account emails one address gets unasked ("you already have an account"): beyond, none.
  accountEmailPerAddress: { name: "account-email:address", limit: 5, windowSeconds: 60 * 60 },
  verificationEmail: { name: "verify-email:user", limit: 3, windowSeconds: 60 * 60 },
  resetPerAddress: { name: "reset:address", limit: 3, windowSeconds: 60 * 60 },
  resetPerIp: { name: "reset:ip", limit: 20, windowSeconds: 60 * 60 },
  emailChange: { name: "email-change:user", limit: 3, windowSeconds: 60 * 60 },
  submit: { name: "submit:user", limit: 20, windowSeconds: 60 * 60 },
  submitNewAccount: { name: "submit:new-user", limit: 5, windowSeconds: 60 * 60 },
  // Per IP, several people behind one address (a library, an office) still get through.
  submitPerIp: { name: "submit:ip", limit: 60, windowSeconds: 60 * 60 },
  comment: { name: "comment:user", limit: 5, windowSeconds: 60 },
  commentNewAccount: { name: "comment:new-user", limit: 1, windowSeconds: 30 },
  commentPerIp: { name: "comment:ip", limit: 30, windowSeconds: 60 },
  report: { name: "report:user", limit: 30, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

const NEW_ACCOUNT_MS = 24 * 60 * 60 * 1000;

/**
 * Counts one action by a person: under `newAccount` while their account is
 * under a day old, under `established` after; then under `perIp` for the
 * request's client IP (many accounts from one address). Same answer as
 * hitRateLimit; the first limit that refuses is the answer.
 */
export async function hitPersonLimit(
  userId: number,
  rules: { established: RateLimitRule; newAccount: RateLimitRule; perIp: RateLimitRule },
): Promise<RateLimitResult> {
  const db = await getDb();
  const [account] = await db
    .select({ createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId));
  const isNew = !account || Date.now() - account.createdAt.getTime() < NEW_ACCOUNT_MS;
  const person = await hitRateLimit(isNew ? rules.newAccount : rules.established, String(userId));
  if (!person.ok) return person;
  const ip = await currentRequestIp();
  return ip === null ? person : hitRateLimit(rules.perIp, ip);
}

/**
 * Counts one attempt against `rule` for `subject` (an email, an IP) in a row
 * shared by every app instance; a single upsert, so concurrent hits never lose
 * a count. Over the limit it says how long until the window ends.
 */
export async function hitRateLimit(
  rule: RateLimitRule,
  subject: string,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const db = await getDb();
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = windowStartOf(rule, now);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: `${rule.name}:${subject}`, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  if (Math.random() < 0.01) {
    // Old windows are never read again; sweep them now and then.
    await db
      .delete(rateLimits)
      .where(lt(rateLimits.windowStart, new Date(now.getTime() - 86_400_000)));
  }
  if ((row?.count ?? 0) <= rule.limit) return { ok: true };
  return {
    ok: false,
    retryAfterSeconds: Math.max(
      1,
      Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
    ),
  };
}

/**
 * Takes back one hit made with the same `now`: for limits that count failures
 * only (a password check), the attempt is counted before the check, so that
 * concurrent attempts can never get past the limit, and refunded when it
 * succeeds, so successes never lock anyone out.
 */
export async function refundRateLimit(
  rule: RateLimitRule,
  subject: string,
  now: Date,
): Promise<void> {
  const db = await getDb();
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(
      and(
        eq(rateLimits.key, `${rule.name}:${subject}`),
        eq(rateLimits.windowStart, windowStartOf(rule, now)),
      ),
    );
}

function windowStartOf(rule: RateLimitRule, now: Date): Date {
  const windowMs = rule.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/** Forgets every count of `rule` for `subject`: a password reset lifts the sign-in pause it was for. */
export async function clearRateLimit(rule: RateLimitRule, subject: string): Promise<void> {
  const db = await getDb();
  await db.delete(rateLimits).where(eq(rateLimits.key, `${rule.name}:${subject}`));
}
