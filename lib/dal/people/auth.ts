import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Role } from "@/lib/enums";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { DalResult } from "@/lib/refusals";
import type { SignInInput, SignUpInput } from "@/lib/validation/auth";
import { cityBySlug } from "@/lib/dal/cities/internal/city";
import { addFollow } from "@/lib/dal/cities/internal/follow-rows";
import { hitRateLimit, RATE_LIMITS, type RateLimitResult } from "@/lib/dal/internal/rate-limit";

export type SignedInUser = {
  id: number;
  name: string;
  email: string;
  role: Role;
  sessionVersion: number;
};

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "invalid" | "banned" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks an email and password, under per-account and per-IP limits. The
 * answer for an unknown email is the same as for a wrong password.
 */
export async function verifyCredentials(input: SignInInput, ip: string): Promise<SignInResult> {
  const limits = await Promise.all([
    hitRateLimit(RATE_LIMITS.signInPerAccount, input.email),
    hitRateLimit(RATE_LIMITS.signInPerIp, ip),
  ]);
  const limited = firstLimited(limits);
  if (limited) return { ok: false, reason: "rate_limited", retryAfterSeconds: limited };

  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !valid || user.deletedAt) {
    console.info(`[auth] ${new Date().toISOString()} sign-in refused ip=${ip}`);
    return { ok: false, reason: "invalid" };
  }
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
 * Creates an account. Answers the same whether or not the email is taken (the
 * password is hashed either way, so timing does not tell either).
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
  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, homeJurisdictionId })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    // A home city is followed from the start.
    if (created && homeJurisdictionId !== null) {
      await addFollow(tx, created.id, homeJurisdictionId);
    }
  });
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
};

/** The facts every request re-checks: role, ban, deletion and session version. */
export async function getAuthState(userId: number): Promise<AuthState | null> {
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
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!u) return null;
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    sessionVersion: u.sessionVersion,
    banned: u.bannedAt !== null,
    banReason: u.banReason,
    deleted: u.deletedAt !== null,
  };
}

function firstLimited(results: RateLimitResult[]): number | null {
  for (const r of results) if (!r.ok) return r.retryAfterSeconds;
  return null;
}
