// Rows: admin's user management (admins only; the "author" is the target
// acting on themself), and what needs no sign-in: sign-up and unsubscribe,
// whose only permission is the signed token in the email.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { banUserAction, setRoleAction, unbanUserAction } from "@/app/(app)/admin/users/actions";
import { signInAction, signOutAction } from "@/app/(auth)/login/actions";
import { signUp } from "@/app/(auth)/signup/actions";
import { forgotPasswordAction } from "@/app/(auth)/forgot-password/actions";
import { resetPasswordAction } from "@/app/(auth)/reset-password/actions";
import { resendVerificationAction } from "@/app/(auth)/verify-email/actions";
import { unsubscribeAction } from "@/app/(public)/unsubscribe/actions";
import { POST as unsubscribePost } from "@/app/api/unsubscribe/route";
import { getDb } from "@/db/client";
import { emailTokens, users } from "@/db/schema";
import { unsubscribeToken } from "@/lib/auth/unsubscribe-token";
import { submitForm } from "@/test/forms";
import { unique, type TestUser } from "@/test/users";
import { accountEmailsTo, issueTestLink } from "@/test/account-mail";
import {
  accountOf,
  asResult,
  auditAbout,
  row,
  unsubscribeRequest,
  type AnySpec,
  type Case,
} from "./kit";

const ADMIN = "app/(app)/admin/users/actions.ts";

/** The subjects of the account emails queued to an address, oldest first. */
const accountMailTo = async (address: string) =>
  (await accountEmailsTo(address)).map((m) => ({ subject: m.subject }));

/** The links issued to an account. */
async function tokensOf(userId: number) {
  const db = await getDb();
  return db
    .select({ purpose: emailTokens.purpose })
    .from(emailTokens)
    .where(eq(emailTokens.userId, userId));
}

/** A working reset link's token for `user`. */
const resetLinkFor = (user: TestUser) => issueTestLink(user, "reset_password");
const INVALID_LINK =
  "This unsubscribe link is not valid. Sign in and change your email setting on your account page.";

/** Admins only; the target, a resident, may not do it to themself either. */
const adminsOnly = {
  anonymous: "unauthenticated",
  resident: "forbidden",
  banned: "banned",
  author: "forbidden",
  moderator: "forbidden",
  admin: "ok",
} as const;

/** The target's account and the audit rows about it. */
const target = async (_fx: unknown, c: Case) => ({
  row: await accountOf(c.author),
  audit: await auditAbout(c.author.id),
});

/** The token's person: their email setting and unsubscribe audit rows. */
const subscriber = async (_fx: unknown, c: Case) => ({
  frequency: (await accountOf(c.author))!.emailFrequency,
  audit: await auditAbout(c.author.id, "email.unsubscribe"),
});
const unsubscribed = ({ after }: { after: Awaited<ReturnType<typeof subscriber>> }) => {
  expect(after.frequency).toBe("never");
  expect(after.audit).toHaveLength(1);
};
type Token = { token: string };

/** The author's id under a signature made for another id. */
const forgedToken = (c: Case) =>
  `${c.author.id}.${unsubscribeToken(c.author.id + 1).split(".")[1]}`;

const noWrite = {
  anonymous: "ok, no write",
  resident: "ok, no write",
  banned: "ok, no write",
  author: "ok, no write",
  moderator: "ok, no write",
  admin: "ok, no write",
} as const;

const everyone = (outcome: "ok" | { formError: string }) =>
  ({
    anonymous: outcome,
    resident: outcome,
    banned: outcome,
    author: outcome,
    moderator: outcome,
    admin: outcome,
  }) as const;

export const ADMIN_PUBLIC_ROWS: AnySpec[] = [
  row({
    endpoint: { file: ADMIN, name: "setRoleAction" },
    fn: setRoleAction,
    bannedAs: "admin",
    setup: async () => null,
    call: (_fx, c, extra) =>
      submitForm(setRoleAction, { userId: c.author.id, role: "moderator", ...extra }),
    state: target,
    wrote({ after }) {
      expect(after.row?.role).toBe("moderator");
      expect(after.audit.map((a) => [a.action, a.details])).toEqual([
        ["user.role", "resident → moderator"],
      ]);
    },
    expect: adminsOnly,
    extraKeys: ["status", "authorId", "isAdmin"],
  }),
  row({
    endpoint: { file: ADMIN, name: "banUserAction" },
    fn: banUserAction,
    bannedAs: "admin",
    setup: async () => null,
    call: (_fx, c, extra) =>
      submitForm(banUserAction, { userId: c.author.id, reason: "Spam links", ...extra }),
    state: target,
    wrote({ after, before }) {
      expect(after.row).toMatchObject({ banReason: "Spam links" });
      expect(after.row?.bannedAt).not.toBeNull();
      expect(after.row?.sessionVersion).toBe(before.row!.sessionVersion + 1);
      expect(after.audit.map((a) => a.action)).toEqual(["user.ban"]);
    },
    expect: adminsOnly,
    extraKeys: ["role", "status", "authorId"],
  }),
  row({
    endpoint: { file: ADMIN, name: "unbanUserAction" },
    fn: unbanUserAction,
    bannedAs: "admin",
    async setup(c) {
      // the target is banned, so as the caller it is refused for its ban
      const db = await getDb();
      await db
        .update(users)
        .set({ bannedAt: new Date(), banReason: "test ban" })
        .where(eq(users.id, c.author.id));
      return null;
    },
    call: (_fx, c, extra) =>
      submitForm(unbanUserAction, { userId: c.author.id, reason: "Appeal granted", ...extra }),
    state: target,
    wrote({ after }) {
      expect(after.row).toMatchObject({ bannedAt: null, banReason: null });
      expect(after.audit.map((a) => a.action)).toEqual(["user.unban"]);
    },
    expect: { ...adminsOnly, author: "banned" },
    extraKeys: ["role", "status", "authorId"],
  }),

  row({
    endpoint: { file: "app/(auth)/signup/actions.ts", name: "signUp" },
    fn: signUp,
    // the author signs up again with their own address: the same answer, their account
    // is untouched, and they are emailed that they already have one
    setup: async (c) => ({
      email: c.kind === "author" ? c.author.email : `signup-${unique()}@example.test`,
    }),
    call: (fx, _c, extra) =>
      submitForm(signUp, {
        name: "New Neighbour",
        email: fx.email,
        password: "a long enough passphrase",
        ...extra,
      }),
    async state(fx) {
      const db = await getDb();
      return {
        accounts: await db.select().from(users).where(eq(users.email, fx.email)),
        mail: await accountMailTo(fx.email),
      };
    },
    wrote({ after, before, result, c }) {
      expect(result).toEqual({ ok: true, data: null });
      expect(after.accounts).toHaveLength(1);
      if (c.kind === "author") {
        expect(after.accounts).toEqual(before.accounts);
        expect(after.mail.map((m) => m.subject)).toEqual([
          "CityWatch: you already have an account",
        ]);
      } else {
        expect(after.accounts[0]).toMatchObject({
          name: "New Neighbour",
          role: "resident",
          bannedAt: null,
          emailVerifiedAt: null,
        });
        expect(after.mail.map((m) => m.subject)).toEqual(["CityWatch: confirm your email address"]);
      }
    },
    expect: everyone("ok"),
  }),
  row({
    endpoint: { file: "app/(auth)/forgot-password/actions.ts", name: "forgotPasswordAction" },
    fn: forgotPasswordAction,
    // anyone may ask: the link goes only to the address
    setup: async () => null,
    call: (_fx, c, extra) => submitForm(forgotPasswordAction, { email: c.author.email, ...extra }),
    state: async (_fx, c) => ({
      tokens: await tokensOf(c.author.id),
      mail: await accountMailTo(c.author.email),
    }),
    wrote({ after }) {
      expect(after.tokens.map((t) => t.purpose)).toEqual(["reset_password"]);
      expect(after.mail.map((m) => m.subject)).toEqual(["CityWatch: reset your password"]);
    },
    expect: everyone("ok"),
  }),
  row({
    endpoint: { file: "app/(auth)/reset-password/actions.ts", name: "resetPasswordAction" },
    variant: "the author's link",
    fn: resetPasswordAction,
    // the link is the permission, whoever is signed in
    setup: async (c) => ({ token: await resetLinkFor(c.author) }),
    call: (fx: Token, _c, extra) =>
      submitForm(resetPasswordAction, {
        token: fx.token,
        newPassword: "a brand new passphrase for resets",
        ...extra,
      }),
    state: target,
    wrote({ after, before }) {
      expect(after.row!.passwordHash).not.toBe(before.row!.passwordHash);
      expect(after.row!.sessionVersion).toBe(before.row!.sessionVersion + 1);
    },
    expect: everyone("ok"),
  }),
  row({
    endpoint: { file: "app/(auth)/reset-password/actions.ts", name: "resetPasswordAction" },
    variant: "a forged link",
    fn: resetPasswordAction,
    setup: async () => ({ token: "forged-token-forged-token-forged-token" }),
    call: (fx: Token, _c, extra) =>
      submitForm(resetPasswordAction, {
        token: fx.token,
        newPassword: "a brand new passphrase for resets",
        ...extra,
      }),
    state: target,
    expect: everyone({
      formError:
        "This reset link is not valid. Check that you copied all of it, or ask for a new one.",
    }),
    extraKeys: [],
  }),
  row({
    endpoint: { file: "app/(auth)/verify-email/actions.ts", name: "resendVerificationAction" },
    fn: resendVerificationAction,
    // the author's address is not confirmed yet; everyone else's is
    async setup(c) {
      const db = await getDb();
      await db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, c.author.id));
      return null;
    },
    call: (_fx, _c, extra) => submitForm(resendVerificationAction, { ...extra }),
    state: async (_fx, c) => ({
      tokens: await tokensOf(c.author.id),
      mail: await accountMailTo(c.author.email),
    }),
    wrote({ after }) {
      expect(after.tokens.map((t) => t.purpose)).toEqual(["verify_email"]);
      expect(after.mail.map((m) => m.subject)).toEqual(["CityWatch: confirm your email address"]);
    },
    expect: {
      anonymous: "unauthenticated",
      resident: { formError: "Your email address is already confirmed." },
      banned: "banned",
      author: "ok",
      moderator: { formError: "Your email address is already confirmed." },
      admin: { formError: "Your email address is already confirmed." },
    },
  }),
  row({
    endpoint: { file: "app/(auth)/login/actions.ts", name: "signOutAction" },
    fn: signOutAction,
    // ends this browser's session (a cookie), whoever it is; no account data changes
    setup: async () => null,
    call: (_fx, _c, extra) => submitForm(signOutAction, { ...extra }),
    async state(_fx, c) {
      const db = await getDb();
      return db.select().from(users).where(eq(users.id, c.author.id));
    },
    expect: noWrite,
  }),
  row({
    endpoint: { file: "app/(auth)/login/actions.ts", name: "signInAction" },
    fn: signInAction,
    // anyone may sign in as the author with the author's password; it writes no account data
    setup: async () => null,
    call: (_fx, c, extra) =>
      submitForm(signInAction, { email: c.author.email, password: c.author.password, ...extra }),
    async state(_fx, c) {
      const db = await getDb();
      return db.select().from(users).where(eq(users.id, c.author.id));
    },
    expect: noWrite,
  }),

  row({
    endpoint: { file: "app/(public)/unsubscribe/actions.ts", name: "unsubscribeAction" },
    variant: "the author's token",
    fn: unsubscribeAction,
    setup: async (c) => ({ token: unsubscribeToken(c.author.id) }),
    call: (fx: Token, _c, extra) => submitForm(unsubscribeAction, { token: fx.token, ...extra }),
    state: subscriber,
    wrote: unsubscribed,
    // the token is the permission, whoever is signed in
    expect: everyone("ok"),
  }),
  row({
    endpoint: { file: "app/(public)/unsubscribe/actions.ts", name: "unsubscribeAction" },
    variant: "a forged token",
    fn: unsubscribeAction,
    setup: async (c) => ({ token: forgedToken(c) }),
    call: (fx: Token, _c, extra) => submitForm(unsubscribeAction, { token: fx.token, ...extra }),
    state: subscriber,
    expect: everyone({ formError: INVALID_LINK }),
  }),
  row({
    endpoint: { file: "app/api/unsubscribe/route.ts", name: "POST" },
    variant: "the author's token",
    fn: unsubscribePost,
    setup: async (c) => ({ token: unsubscribeToken(c.author.id) }),
    call: async (fx: Token) => asResult(await unsubscribePost(unsubscribeRequest(fx.token))),
    state: subscriber,
    wrote: unsubscribed,
    expect: everyone("ok"),
    // a query string, not a form: there is no schema to refuse extra fields
    extraKeys: [],
  }),
  row({
    endpoint: { file: "app/api/unsubscribe/route.ts", name: "POST" },
    variant: "a forged token",
    fn: unsubscribePost,
    setup: async (c) => ({ token: forgedToken(c) }),
    call: async (fx: Token) => asResult(await unsubscribePost(unsubscribeRequest(fx.token))),
    state: subscriber,
    expect: everyone({ formError: INVALID_LINK }),
    extraKeys: [],
  }),
];
