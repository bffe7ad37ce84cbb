import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions, users } from "@/db/schema";
import type { Role } from "@/lib/enums";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { networkOf } from "@/lib/auth/device";
import { currentRequestIp } from "@/lib/auth/request-ip";
import { SESSION_MAX_AGE } from "@/lib/auth/session-settings";
import type { DalResult } from "@/lib/refusals";
import type { SignInInput, SignUpInput } from "@/lib/validation/auth";
import { cityBySlug } from "@/lib/dal/cities/internal/city";
import { addFollow } from "@/lib/dal/cities/internal/follow-rows";
import { newLink, queueAccountEmail, storeToken } from "@/lib/dal/people/internal/account-mail";
import { accountExistsMessage, verifyEmailMessage } from "@/lib/messages/account-emails";
import { emailQueued } from "@/lib/outbox-signal";
import { siteOrigin } from "@/lib/site-url";
import {
  hitRateLimit,
  RATE_LIMITS,
  refundRateLimit,
  type RateLimitResult,
} from "@/lib/dal/internal/rate-limit";

export type SignedInUser = {
  id: number;
  name: string;
  email: string;
  role: Role;
  sessionVersion: number;
};

export type SignInResult =
  | { ok: true; user: SignedInUser }
  // `retryAfterSeconds`: this account's failed attempts are over the limit; the same
  // answer as a wrong password (an unknown address is limited alike), with when to retry
  | { ok: false; reason: "invalid"; retryAfterSeconds?: number }
  | { ok: false; reason: "banned" }
  // too many failed attempts from this IP
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks an email and password, under per-account and per-IP limits on failed
 * attempts. The answer for an unknown email is the same as for a wrong
 * password. Each attempt is counted before the check and refunded when it
 * succeeds: concurrent guesses cannot get past a limit, and any number of
 * successful sign-ins (a family on several devices) is never refused.
 */
export async function verifyCredentials(input: SignInInput, ip: string): Promise<SignInResult> {
  const now = new Date();
  const [account, network] = await Promise.all([
    hitRateLimit(RATE_LIMITS.signInPerAccount, input.email, now),
    hitRateLimit(RATE_LIMITS.signInPerIp, ip, now),
  ]);
  if (!network.ok)
    return { ok: false, reason: "rate_limited", retryAfterSeconds: network.retryAfterSeconds };

  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  // Checked even when the account is locked: the answer takes as long as a wrong password.
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!account.ok) {
    console.info(`[auth] ${new Date().toISOString()} sign-in refused (account limit) ip=${ip}`);
    return { ok: false, reason: "invalid", retryAfterSeconds: account.retryAfterSeconds };
  }
  if (!user || !valid || user.deletedAt) {
    console.info(`[auth] ${new Date().toISOString()} sign-in refused ip=${ip}`);
    return { ok: false, reason: "invalid" };
  }
  await Promise.all([
    refundRateLimit(RATE_LIMITS.signInPerAccount, input.email, now),
    refundRateLimit(RATE_LIMITS.signInPerIp, ip, now),
  ]);
  if (user.bannedAt) {
    console.info(
      `[auth] ${new Date().toISOString()} sign-in refused (banned) user=${user.id} ip=${ip}`,
    );
    return { ok: false, reason: "banned" };
  }
  console.info(`[auth] ${new Date().toISOString()} sign-in user=${user.id} ip=${ip}`);
  return {
    ok: true,
    user: {
      id: user.id,
      name: user.name,
      email: user.email!,
      role: user.role,
      sessionVersion: user.sessionVersion,
    },
  };
}

/**
 * Creates an account and emails its address a verification link. When the
 * address already has an account, that account's owner is emailed instead
 * ("you already have an account; reset your password here"). The answer, and
 * the work done before it (a password hash, a few statements), is the same
 * either way, so neither the page nor its timing tells whether the address
 * is registered. Nobody is signed in: that takes the verified address's password.
 */
export async function createAccount(input: SignUpInput, ip: string): Promise<DalResult> {
  const limited = firstLimited([await hitRateLimit(RATE_LIMITS.signUpPerIp, ip)]);
  if (limited) {
    return {
      ok: false,
      refusal: { code: "rate_limited", limit: "sign_ups", retryAfterSeconds: limited },
    };
  }

  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  const homeJurisdictionId = input.homeCity
    ? ((await cityBySlug(db, input.homeCity))?.id ?? null)
    : null;
  // Counted for every sign-up, so a taken address costs the same; past it, no more
  // "you already have an account" emails to that address this hour.
  const mayEmailOwner = (await hitRateLimit(RATE_LIMITS.accountEmailPerAddress, input.email)).ok;
  const link = newLink("verify_email");
  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, homeJurisdictionId })
      // Any conflict: the address is taken, in this spelling or another.
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (created) {
      // A home city is followed from the start.
      if (homeJurisdictionId !== null) await addFollow(tx, created.id, homeJurisdictionId);
      await storeToken(tx, link, {
        userId: created.id,
        purpose: "verify_email",
        email: input.email,
      });
      await queueAccountEmail(tx, {
        userId: created.id,
        to: input.email,
        message: verifyEmailMessage(input.name, link.url),
      });
      return;
    }
    const [owner] = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.email, input.email));
    if (owner?.email && mayEmailOwner) {
      await queueAccountEmail(tx, {
        userId: owner.id,
        to: owner.email,
        message: accountExistsMessage(owner.name, siteOrigin()),
      });
    }
  });
  emailQueued();
  console.info(`[auth] ${new Date().toISOString()} sign-up ip=${ip}`);
  return { ok: true, data: null };
}

export type AuthState = {
  id: number;
  name: string;
  email: string | null;
  role: Role;
  sessionVersion: number;
  banned: boolean;
  banReason: string | null;
  deleted: boolean;
  emailVerified: boolean;
  /** The session the cookie names is open: not signed out, not from before a version bump. */
  sessionOpen: boolean;
};

/** A session's last use is written at most this often. */
const SEEN_EVERY_MS = 5 * 60 * 1000;

/**
 * The facts every request re-checks: role, ban, deletion, session version,
 * and whether the cookie's session is still open. Notes the session's use
 * (time and network) when it was last noted a while ago.
 */
export async function getAuthState(claims: {
  userId: number;
  sessionId: string;
}): Promise<AuthState | null> {
  const db = await getDb();
  const [u] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      sessionVersion: users.sessionVersion,
      bannedAt: users.bannedAt,
      banReason: users.banReason,
      deletedAt: users.deletedAt,
      emailVerifiedAt: users.emailVerifiedAt,
      sessionEndedAt: sessions.endedAt,
      sessionLastSeenAt: sessions.lastSeenAt,
      sessionSessionVersion: sessions.sessionVersion,
    })
    .from(users)
    .leftJoin(sessions, and(eq(sessions.id, claims.sessionId), eq(sessions.userId, users.id)))
    .where(eq(users.id, claims.userId))
    .limit(1);
  if (!u) return null;
  const sessionOpen =
    u.sessionLastSeenAt !== null &&
    u.sessionEndedAt === null &&
    u.sessionSessionVersion === u.sessionVersion &&
    Date.now() - u.sessionLastSeenAt.getTime() < SESSION_MAX_AGE * 1000;
  if (sessionOpen && Date.now() - u.sessionLastSeenAt!.getTime() > SEEN_EVERY_MS) {
    const ip = await currentRequestIp();
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), ...(ip ? { network: networkOf(ip) } : {}) })
      .where(eq(sessions.id, claims.sessionId));
  }
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    sessionVersion: u.sessionVersion,
    banned: u.bannedAt !== null,
    banReason: u.banReason,
    deleted: u.deletedAt !== null,
    emailVerified: u.emailVerifiedAt !== null,
    sessionOpen,
  };
}

function firstLimited(results: RateLimitResult[]): number | null {
  for (const r of results) if (!r.ok) return r.retryAfterSeconds;
  return null;
}
