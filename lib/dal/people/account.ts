import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jurisdictions, notifications, users } from "@/db/schema";
import { requireUser } from "@/lib/auth/current-user";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { DalResult, Refusal } from "@/lib/refusals";
import type {
  ChangeEmailInput,
  ChangeNameInput,
  ChangePasswordInput,
  DeleteAccountInput,
  HomeCityInput,
} from "@/lib/validation/account";
import type { EmailFrequency } from "@/lib/enums";
import { forgetEmailsOf } from "@/lib/dal/news/internal/email-rows";
import { lockAdminSeats, otherActiveAdmins } from "@/lib/dal/people/internal/admin-seats";
import { writeAudit } from "@/lib/dal/internal/audit";
import { cityBySlug } from "@/lib/dal/cities/internal/city";
import { addFollow } from "@/lib/dal/cities/internal/follow-rows";
import { hitRateLimit, RATE_LIMITS, refundRateLimit } from "@/lib/dal/internal/rate-limit";
import { expireCommentsBy } from "@/lib/dal/comments/internal/subjects";
import { newLink, queueAccountEmail, storeToken } from "@/lib/dal/people/internal/account-mail";
import { confirmNewEmailMessage, emailChangeNoticeMessage } from "@/lib/messages/account-emails";
import { emailQueued } from "@/lib/outbox-signal";
import { siteOrigin } from "@/lib/site-url";

export type AccountView = {
  name: string;
  email: string;
  role: string;
  homeCity: string;
  memberSince: string;
  emailFrequency: EmailFrequency;
};

/** The signed-in person's own account. */
export async function getAccount(): Promise<AccountView> {
  const me = await requireUser("read account");
  const db = await getDb();
  const [row] = await db
    .select({
      createdAt: users.createdAt,
      homeCity: jurisdictions.slug,
      emailFrequency: users.emailFrequency,
    })
    .from(users)
    .leftJoin(jurisdictions, eq(jurisdictions.id, users.homeJurisdictionId))
    .where(eq(users.id, me.id));
  return {
    name: me.name,
    email: me.email,
    role: me.role,
    homeCity: row?.homeCity ?? "",
    memberSince: (row?.createdAt ?? new Date()).toISOString(),
    emailFrequency: row?.emailFrequency ?? "daily",
  };
}

/** Changes the signed-in person's display name. */
export async function changeName(input: ChangeNameInput): Promise<DalResult> {
  const me = await requireUser("change name");
  const db = await getDb();
  await db
    .update(users)
    .set({ name: input.name, updatedAt: new Date() })
    .where(eq(users.id, me.id));
  await expireCommentsBy(db, me.id);
  return { ok: true, data: null };
}

/** Sets (or clears) the signed-in person's home city. */
export async function setHomeCity(input: HomeCityInput): Promise<DalResult> {
  const me = await requireUser("set home city");
  const db = await getDb();
  const id = input.homeCity ? ((await cityBySlug(db, input.homeCity))?.id ?? null) : null;
  if (input.homeCity && id === null) {
    return { ok: false, refusal: { code: "unknown_home_city" } };
  }
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ homeJurisdictionId: id, updatedAt: new Date() })
      .where(eq(users.id, me.id));
    // Choosing a home city follows it (clearing it unfollows nothing).
    if (id !== null) await addFollow(tx, me.id, id);
  });
  return { ok: true, data: null };
}

/** Changes the password after checking the current one; ends every session, this one included. */
export async function changePassword(input: ChangePasswordInput): Promise<DalResult> {
  const me = await requireUser("change password");
  const check = await checkOwnPassword(me.id, me.email, input.currentPassword, "currentPassword");
  if (check) return { ok: false, refusal: check };
  const db = await getDb();
  await db
    .update(users)
    .set({
      passwordHash: await hashPassword(input.newPassword),
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, me.id));
  return { ok: true, data: null };
}

/**
 * Asks to change the signed-in person's address to `newEmail` (their password
 * first): a link to confirm it goes to the new address and a notice to the
 * old one; nothing changes until the link is opened (confirmEmailChange). A
 * new address that another account has gets no link, with the same answer.
 */
export async function requestEmailChange(
  input: ChangeEmailInput,
): Promise<DalResult<{ to: string }>> {
  const me = await requireUser("change email");
  if (input.newEmail === me.email) return { ok: false, refusal: { code: "email_unchanged" } };
  const check = await checkOwnPassword(me.id, me.email, input.password, "password");
  if (check) return { ok: false, refusal: check };
  const limit = await hitRateLimit(RATE_LIMITS.emailChange, String(me.id));
  if (!limit.ok) {
    return {
      ok: false,
      refusal: {
        code: "rate_limited",
        limit: "email_changes",
        retryAfterSeconds: limit.retryAfterSeconds,
      },
    };
  }
  const db = await getDb();
  const link = newLink("change_email");
  await db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, input.newEmail));
    if (!taken) {
      await storeToken(tx, link, { userId: me.id, purpose: "change_email", email: input.newEmail });
      await queueAccountEmail(tx, {
        userId: me.id,
        to: input.newEmail,
        message: confirmNewEmailMessage(me.name, link.url),
      });
    }
    await queueAccountEmail(tx, {
      userId: me.id,
      to: me.email,
      message: emailChangeNoticeMessage(me.name, input.newEmail, siteOrigin()),
    });
  });
  emailQueued();
  return { ok: true, data: { to: input.newEmail } };
}

/** Ends every session of the signed-in person on every device. */
export async function signOutEverywhere(): Promise<DalResult> {
  const me = await requireUser("sign out everywhere");
  const db = await getDb();
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, me.id));
  return { ok: true, data: null };
}

/**
 * Deletes the signed-in person's account: personal data is erased, the row
 * stays so their content remains, attributed to "deleted user".
 */
export async function deleteOwnAccount(input: DeleteAccountInput): Promise<DalResult> {
  const me = await requireUser("delete account");
  const check = await checkOwnPassword(me.id, me.email, input.password, "password");
  if (check) return { ok: false, refusal: check };
  const db = await getDb();
  const refused = await db.transaction(async (tx): Promise<Refusal | null> => {
    if (me.role === "admin") {
      await lockAdminSeats(tx);
      if ((await otherActiveAdmins(tx, me.id)) === 0) return { code: "last_admin_delete" };
    }
    await tx
      .update(users)
      .set({
        email: null,
        name: "deleted user",
        passwordHash: null,
        homeJurisdictionId: null,
        feedToken: null,
        deletedAt: new Date(),
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, me.id));
    await tx.delete(notifications).where(eq(notifications.userId, me.id));
    await forgetEmailsOf(tx, me.id, { erase: true });
    await writeAudit(tx, { actorId: me.id, action: "account.delete", targetUserId: me.id });
    return null;
  });
  if (refused) return { ok: false, refusal: refused };
  await expireCommentsBy(db, me.id);
  return { ok: true, data: null };
}

async function checkOwnPassword(
  userId: number,
  email: string,
  password: string,
  field: "currentPassword" | "password",
): Promise<Refusal | null> {
  // The same per-account limit on failures as sign-in: this form must not be a way to guess
  // passwords. Counted first, refunded when right (as in verifyCredentials).
  const now = new Date();
  const limit = await hitRateLimit(RATE_LIMITS.signInPerAccount, email, now);
  if (!limit.ok) {
    return {
      code: "rate_limited",
      limit: "password_checks",
      retryAfterSeconds: limit.retryAfterSeconds,
    };
  }
  const db = await getDb();
  const [row] = await db
    .select({ hash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (await verifyPassword(row?.hash ?? null, password)) {
    await refundRateLimit(RATE_LIMITS.signInPerAccount, email, now);
    return null;
  }
  return { code: "wrong_password", field };
}
