import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { requireUser } from "@/lib/auth/current-user";
import { verifyEmailMessage } from "@/lib/messages/account-emails";
import { emailQueued } from "@/lib/outbox-signal";
import type { DalResult } from "@/lib/refusals";
import { hitRateLimit, RATE_LIMITS } from "@/lib/dal/internal/rate-limit";
import {
  newLink,
  queueAccountEmail,
  findToken,
  storeToken,
  useToken,
} from "@/lib/dal/people/internal/account-mail";

/**
 * Confirms an address with the link emailed to it. The link is the
 * permission (nobody need be signed in); it works once, for 24 hours, and
 * only while the account still has the address it was sent to. Opening it
 * again once the address is confirmed still says so.
 */
export async function verifyEmail(token: string): Promise<DalResult> {
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<DalResult> => {
    const used = await useToken(tx, token, "verify_email");
    if (!used.ok) {
      return {
        ok: false,
        refusal: { code: "bad_link", problem: used.problem, purpose: "verify_email" },
      };
    }
    const [done] = await tx
      .update(users)
      .set({ emailVerifiedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(users.id, used.target.userId), eq(users.email, used.target.email)))
      .returning({ id: users.id });
    if (!done) {
      // The account's address changed (or it was deleted) since the link was sent.
      return {
        ok: false,
        refusal: { code: "bad_link", problem: "invalid_link", purpose: "verify_email" },
      };
    }
    return { ok: true, data: null };
  });
  if (result.ok || result.refusal.code !== "bad_link" || result.refusal.problem !== "used_link") {
    return result;
  }
  // A second click on a link that did its work: the address is confirmed, say so.
  const link = await findToken(db, token, "verify_email");
  if (!link) return result;
  const [owner] = await db
    .select({ verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(and(eq(users.id, link.userId), eq(users.email, link.email)));
  return owner?.verifiedAt ? { ok: true, data: null } : result;
}

/**
 * Sends the signed-in person a new verification link (the old ones stop
 * working), at most three an hour.
 */
export async function resendVerificationEmail(): Promise<DalResult<{ to: string }>> {
  const me = await requireUser("resend verification email");
  if (me.emailVerified) return { ok: false, refusal: { code: "email_already_verified" } };
  const limit = await hitRateLimit(RATE_LIMITS.verificationEmail, String(me.id));
  if (!limit.ok) {
    return {
      ok: false,
      refusal: {
        code: "rate_limited",
        limit: "verification_emails",
        retryAfterSeconds: limit.retryAfterSeconds,
      },
    };
  }
  const db = await getDb();
  const link = newLink("verify_email");
  await db.transaction(async (tx) => {
    const [still] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, me.id), isNull(users.emailVerifiedAt)));
    if (!still) return;
    await storeToken(tx, link, { userId: me.id, purpose: "verify_email", email: me.email });
    await queueAccountEmail(tx, {
      userId: me.id,
      to: me.email,
      message: verifyEmailMessage(me.name, link.url),
    });
  });
  emailQueued();
  return { ok: true, data: { to: me.email } };
}

/**
 * Makes a new address the account's, with the link emailed to it (the link is
 * the permission; once, for 24 hours). The address counts as confirmed. If it
 * became another account's in the meantime, nothing changes.
 */
export async function confirmEmailChange(token: string): Promise<DalResult> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx): Promise<DalResult> => {
      const used = await useToken(tx, token, "change_email");
      if (!used.ok) {
        return {
          ok: false,
          refusal: { code: "bad_link", problem: used.problem, purpose: "change_email" },
        };
      }
      const [taken] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, used.target.email));
      if (taken) return { ok: false, refusal: { code: "email_taken" } };
      const [done] = await tx
        .update(users)
        .set({ email: used.target.email, emailVerifiedAt: new Date(), updatedAt: new Date() })
        .where(and(eq(users.id, used.target.userId), isNull(users.deletedAt)))
        .returning({ id: users.id });
      if (!done) {
        return {
          ok: false,
          refusal: { code: "bad_link", problem: "invalid_link", purpose: "change_email" },
        };
      }
      console.info(`[auth] ${new Date().toISOString()} email changed user=${done.id}`);
      return { ok: true, data: null };
    });
  } catch (error) {
    // Another account took the address between the check and the update (the unique index).
    const e = error as { code?: string; cause?: { code?: string } };
    if ((e.code ?? e.cause?.code) === "23505") {
      return { ok: false, refusal: { code: "email_taken" } };
    }
    throw error;
  }
}
