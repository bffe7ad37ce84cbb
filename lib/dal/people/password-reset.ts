import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailTokens, emails, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { passwordChangedMessage, resetPasswordMessage } from "@/lib/messages/account-emails";
import { emailQueued } from "@/lib/outbox-signal";
import type { DalResult } from "@/lib/refusals";
import { siteOrigin } from "@/lib/site-url";
import type { ForgotPasswordInput, ResetPasswordInput } from "@/lib/validation/password-reset";
import type { PasswordOwner } from "@/lib/validation/password-strength";
import { clearRateLimit, hitRateLimit, RATE_LIMITS } from "@/lib/dal/internal/rate-limit";
import {
  hashToken,
  newLink,
  queueAccountEmail,
  readToken,
  TOKEN_TTL_MS,
  useToken,
} from "@/lib/dal/people/internal/account-mail";

/**
 * Emails a reset link to `email` if it is an account's (anybody may ask: the
 * link goes only to the address). The answer is the same whether or not it
 * is, and so is the work: one statement that writes the link and the email
 * when the address has an account, and nothing when it has none. Limited per
 * address and per network.
 */
export async function requestPasswordReset(
  input: ForgotPasswordInput,
  ip: string,
): Promise<DalResult> {
  const [perIp, perAddress] = await Promise.all([
    hitRateLimit(RATE_LIMITS.resetPerIp, ip),
    hitRateLimit(RATE_LIMITS.resetPerAddress, input.email),
  ]);
  const limited = !perIp.ok ? perIp : !perAddress.ok ? perAddress : null;
  if (limited) {
    return {
      ok: false,
      refusal: {
        code: "rate_limited",
        limit: "reset_requests",
        retryAfterSeconds: limited.retryAfterSeconds,
      },
    };
  }
  const db = await getDb();
  const now = new Date();
  const link = newLink("reset_password");
  const message = resetPasswordMessage(link.url);
  const expires = new Date(now.getTime() + TOKEN_TTL_MS.reset_password);
  // Earlier unused reset links stop working; the new one and its email are written together.
  await db.execute(sql`
    with owner as (
      select id, email from ${users}
      where email = ${input.email} and deleted_at is null and banned_at is null
    ), retired as (
      update ${emailTokens} set used_at = ${now.toISOString()}::timestamptz
      where user_id in (select id from owner) and purpose = 'reset_password' and used_at is null
    ), token as (
      insert into ${emailTokens} (user_id, purpose, token_hash, email, expires_at)
      select id, 'reset_password', ${hashToken(link.token)}, email, ${expires.toISOString()}::timestamptz
      from owner
    )
    insert into ${emails} (user_id, kind, priority, dedupe_key, to_address, subject, text_body, unsubscribe_url)
    select id, 'account', -1, ${`account:reset:${hashToken(link.token)}`}, email,
           ${message.subject}, ${message.text}, ''
    from owner`);
  emailQueued();
  console.info(`[auth] ${now.toISOString()} password reset asked ip=${ip}`);
  return { ok: true, data: null };
}

/**
 * Whose password a reset link would set (for the page and for the password
 * rule, which refuses the owner's name and address), if the link still works.
 */
export async function readResetLink(token: string): Promise<DalResult<PasswordOwner>> {
  const db = await getDb();
  const link = await readToken(db, token, "reset_password");
  if (!link.ok) {
    return {
      ok: false,
      refusal: { code: "bad_link", problem: link.problem, purpose: "reset_password" },
    };
  }
  const [owner] = await db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, link.target.userId), isNull(users.deletedAt)));
  if (!owner) {
    return {
      ok: false,
      refusal: { code: "bad_link", problem: "invalid_link", purpose: "reset_password" },
    };
  }
  return { ok: true, data: owner };
}

/**
 * Sets a new password with a reset link (the link is the permission; it works
 * once, for an hour). Every session of the account ends, the address counts as
 * confirmed (the link reached it), the sign-in pause on it is lifted, and the
 * owner is emailed a notice.
 */
export async function resetPassword(input: ResetPasswordInput): Promise<DalResult> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.newPassword);
  const now = new Date();
  const result = await db.transaction(async (tx): Promise<DalResult<string>> => {
    const used = await useToken(tx, input.token, "reset_password", now);
    if (!used.ok) {
      return {
        ok: false,
        refusal: { code: "bad_link", problem: used.problem, purpose: "reset_password" },
      };
    }
    const [owner] = await tx
      .update(users)
      .set({
        passwordHash,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)`,
        updatedAt: now,
      })
      .where(
        and(
          eq(users.id, used.target.userId),
          eq(users.email, used.target.email),
          isNull(users.deletedAt),
        ),
      )
      .returning({ id: users.id, name: users.name, email: users.email });
    if (!owner?.email) {
      return {
        ok: false,
        refusal: { code: "bad_link", problem: "invalid_link", purpose: "reset_password" },
      };
    }
    await queueAccountEmail(tx, {
      userId: owner.id,
      to: owner.email,
      message: passwordChangedMessage(owner.name, siteOrigin()),
    });
    console.info(`[auth] ${now.toISOString()} password reset user=${owner.id}`);
    return { ok: true, data: owner.email };
  });
  if (!result.ok) return result;
  emailQueued();
  await clearRateLimit(RATE_LIMITS.signInPerAccount, result.data);
  return { ok: true, data: null };
}
