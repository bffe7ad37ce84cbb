// Email verification and password reset through the data access layer: the
// links' lifetimes and single use, what an unconfirmed person may not do, and
// answers (and timings) that never tell whether an address has an account.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { requireUser } from "@/lib/auth/current-user";
import { signUpSchema } from "@/lib/validation/auth";
import { accountEmailsTo, expireLink, issueTestLink, tokenIn } from "@/test/account-mail";
import { citySubject } from "@/test/comments";
import { createTestCity } from "@/test/edits";
import { submission } from "@/test/updates";
import { actAs, createTestUser, expectAuthError, unique, uniqueIp, userRow } from "@/test/users";
import { postComment } from "@/lib/dal/comments/comments";
import { submitUpdate } from "@/lib/dal/submissions/updates";
import { createAccount, getAuthState, verifyCredentials } from "./auth";
import { requestEmailChange } from "./account";
import { confirmEmailChange, resendVerificationEmail, verifyEmail } from "./email-verification";
import { readResetLink, requestPasswordReset, resetPassword } from "./password-reset";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));

beforeAll(async () => {
  await getDb();
});

const PASSWORD = "a long enough passphrase";
const newAddress = () => `links-${unique()}@example.test`;

async function accountOf(email: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row!;
}

describe("sign-up and the verification link", () => {
  it("emails a link to a new address; opening it confirms the address, and a second opening still says so", async () => {
    const email = newAddress();
    expect(await createAccount({ name: "Nia New", email, password: PASSWORD }, uniqueIp())).toEqual(
      { ok: true, data: null },
    );
    expect((await accountOf(email)).emailVerifiedAt).toBeNull();
    const [mail] = await accountEmailsTo(email);
    expect(mail).toMatchObject({ subject: "CityWatch: confirm your email address", priority: -1 });
    const token = tokenIn(mail!.textBody, "/verify-email");

    expect(await verifyEmail(token)).toEqual({ ok: true, data: null });
    expect((await accountOf(email)).emailVerifiedAt).not.toBeNull();
    expect(await verifyEmail(token)).toEqual({ ok: true, data: null });
  });

  it("an address that has an account gets a 'you already have one' email, and the answer is the same", async () => {
    const owner = await createTestUser({ name: "Olga Owner" });
    // as the form sends it: the schema trims, normalises and lower-cases the address
    const input = await signUpSchema.parseAsync({
      name: "Someone Else",
      email: ` ${owner.email.toUpperCase()} `,
      password: PASSWORD,
    });
    const answer = await createAccount(input, uniqueIp());
    expect(answer).toEqual({ ok: true, data: null });
    const row = await userRow(owner.id);
    expect(row.name).toBe("Olga Owner"); // untouched
    const mail = await accountEmailsTo(owner.email);
    expect(mail.map((m) => m.subject)).toEqual(["CityWatch: you already have an account"]);
    expect(mail[0]!.textBody).toMatch(/https?:\/\/\S+\/forgot-password/);
  });

  it("refuses an unknown, an expired and a used-up link, each with its reason", async () => {
    const user = await createTestUser({ verified: false });
    expect(await verifyEmail("x".repeat(43))).toEqual({
      ok: false,
      refusal: { code: "bad_link", problem: "invalid_link", purpose: "verify_email" },
    });
    const expired = await issueTestLink(user, "verify_email");
    await expireLink(expired);
    expect(await verifyEmail(expired)).toEqual({
      ok: false,
      refusal: { code: "bad_link", problem: "expired_link", purpose: "verify_email" },
    });
    // a newer link retires the older one
    const older = await issueTestLink(user, "verify_email");
    const newer = await issueTestLink(user, "verify_email");
    expect(await verifyEmail(older)).toEqual({
      ok: false,
      refusal: { code: "bad_link", problem: "used_link", purpose: "verify_email" },
    });
    expect((await userRow(user.id)).emailVerifiedAt).toBeNull();
    expect(await verifyEmail(newer)).toEqual({ ok: true, data: null });
  });

  it("a link sent to an address the account no longer has confirms nothing", async () => {
    const user = await createTestUser({ verified: false });
    const token = await issueTestLink(user, "verify_email", `old-${unique()}@example.test`);
    expect(await verifyEmail(token)).toMatchObject({ ok: false });
    expect((await userRow(user.id)).emailVerifiedAt).toBeNull();
  });

  it("resends a link to an unconfirmed person, at most three an hour; a confirmed one is told so", async () => {
    const user = await createTestUser({ verified: false });
    actAs(user);
    for (let i = 0; i < 3; i++) {
      expect(await resendVerificationEmail()).toEqual({ ok: true, data: { to: user.email } });
    }
    expect(await resendVerificationEmail()).toMatchObject({
      ok: false,
      refusal: { code: "rate_limited", limit: "verification_emails" },
    });
    expect(await accountEmailsTo(user.email)).toHaveLength(3);
    actAs(await createTestUser());
    expect(await resendVerificationEmail()).toEqual({
      ok: false,
      refusal: { code: "email_already_verified" },
    });
  });
});

describe("an unconfirmed person", () => {
  it("may sign in, read and follow, but not submit updates or comments; once confirmed they may", async () => {
    const user = await createTestUser({ verified: false });
    expect(
      (await verifyCredentials({ email: user.email, password: user.password }, uniqueIp())).ok,
    ).toBe(true);
    actAs(user);
    expect((await requireUser("read")).emailVerified).toBe(false);
    const city = await createTestCity();
    await expectAuthError(submitUpdate(city.slug, submission("Unconfirmed update")), "unverified");
    await expectAuthError(
      postComment({ subject: citySubject(city), body: "An unconfirmed comment" }),
      "unverified",
    );
    const state = await getAuthState({ userId: user.id, sessionId: user.sessionId });
    expect(state?.emailVerified).toBe(false);

    const token = await issueTestLink(user, "verify_email");
    expect((await verifyEmail(token)).ok).toBe(true);
    actAs(user); // a new request
    expect((await submitUpdate(city.slug, submission("Confirmed update"))).ok).toBe(true);
  });
});

describe("password reset", () => {
  it("emails a link to an account's address and the same answer, with no email, for an unknown one", async () => {
    const user = await createTestUser();
    const ip = uniqueIp();
    const known = await requestPasswordReset({ email: user.email }, ip);
    const unknownAddress = newAddress();
    const unknown = await requestPasswordReset({ email: unknownAddress }, ip);
    expect(known).toEqual({ ok: true, data: null });
    expect(unknown).toEqual(known);
    expect((await accountEmailsTo(user.email)).map((m) => m.subject)).toEqual([
      "CityWatch: reset your password",
    ]);
    expect(await accountEmailsTo(unknownAddress)).toHaveLength(0);
  });

  it("limits requests per address (three an hour), known or not", async () => {
    for (const email of [(await createTestUser()).email, newAddress()]) {
      for (let i = 0; i < 3; i++) {
        expect((await requestPasswordReset({ email }, uniqueIp())).ok).toBe(true);
      }
      expect(await requestPasswordReset({ email }, uniqueIp())).toMatchObject({
        ok: false,
        refusal: { code: "rate_limited", limit: "reset_requests" },
      });
    }
  });

  it("sets the new password once: the old one fails, every session ends, the address counts as confirmed", async () => {
    const user = await createTestUser({ verified: false });
    const ip = uniqueIp();
    const token = await issueTestLink(user, "reset_password");
    expect(await readResetLink(token)).toEqual({
      ok: true,
      data: { name: user.name, email: user.email },
    });
    const newPassword = "a completely different passphrase";
    expect(await resetPassword({ token, newPassword })).toEqual({ ok: true, data: null });

    expect((await verifyCredentials({ email: user.email, password: user.password }, ip)).ok).toBe(
      false,
    );
    expect((await verifyCredentials({ email: user.email, password: newPassword }, ip)).ok).toBe(
      true,
    );
    const row = await userRow(user.id);
    expect(row.sessionVersion).toBe(user.sessionVersion + 1);
    expect(row.emailVerifiedAt).not.toBeNull();
    actAs(user); // the session from before the reset
    await expectAuthError(requireUser("read"), "session_expired");
    expect((await accountEmailsTo(user.email)).map((m) => m.subject)).toEqual([
      "CityWatch: your password was changed",
    ]);

    const again = { token, newPassword: "yet another long passphrase" };
    expect(await resetPassword(again)).toEqual({
      ok: false,
      refusal: { code: "bad_link", problem: "used_link", purpose: "reset_password" },
    });
    expect(await readResetLink(token)).toMatchObject({ ok: false });
  });

  it("refuses an expired link, and lifts the sign-in pause a good reset is for", async () => {
    const user = await createTestUser();
    const expired = await issueTestLink(user, "reset_password");
    await expireLink(expired);
    expect(await resetPassword({ token: expired, newPassword: "a fine new passphrase" })).toEqual({
      ok: false,
      refusal: { code: "bad_link", problem: "expired_link", purpose: "reset_password" },
    });

    // eleven wrong guesses pause the account...
    for (let i = 0; i < 11; i++) {
      await verifyCredentials({ email: user.email, password: `wrong guess ${i}` }, uniqueIp());
    }
    const paused = await verifyCredentials(
      { email: user.email, password: user.password },
      uniqueIp(),
    );
    expect(paused).toMatchObject({ ok: false, reason: "invalid" });
    // ...and its owner gets back in through a reset
    const token = await issueTestLink(user, "reset_password");
    const newPassword = "the owner's new passphrase";
    expect((await resetPassword({ token, newPassword })).ok).toBe(true);
    expect(
      (await verifyCredentials({ email: user.email, password: newPassword }, uniqueIp())).ok,
    ).toBe(true);
  });
});

/**
 * Known and unknown addresses, timed in alternation (so load hits both alike),
 * nine each. The fastest of each is compared: noise from other work on the
 * machine only ever adds time, so the minimum is the steadiest measure of the
 * work itself.
 */
async function fastestTimes(
  known: (i: number) => Promise<unknown>,
  unknown: (i: number) => Promise<unknown>,
) {
  const time = async (run: () => Promise<unknown>) => {
    const start = performance.now();
    await run();
    return performance.now() - start;
  };
  let fastestKnown = Infinity;
  let fastestUnknown = Infinity;
  for (let i = 0; i < 9; i++) {
    fastestKnown = Math.min(fastestKnown, await time(() => known(i)));
    fastestUnknown = Math.min(fastestUnknown, await time(() => unknown(i)));
  }
  return { known: fastestKnown, unknown: fastestUnknown };
}

/**
 * About the same: within `floorMs` or half the slower one. Skipping a step
 * that dominates the cost (a password hash: tens of milliseconds) for either
 * kind of address makes that side several times faster, and fails this.
 */
function expectAboutTheSame(t: { known: number; unknown: number }, floorMs: number) {
  const slower = Math.max(t.known, t.unknown);
  expect(Math.abs(t.known - t.unknown), JSON.stringify(t)).toBeLessThan(
    Math.max(floorMs, 0.5 * slower),
  );
}

describe("answers that do not tell whether an address has an account", () => {
  it("sign-up: the same answer and about the same time for a taken and a new address", async () => {
    const owners = await Promise.all(Array.from({ length: 9 }, () => createTestUser()));
    const signUp = (email: string) =>
      createAccount({ name: "Tim Timing", email, password: PASSWORD }, uniqueIp());
    // warm up (the first hash, the first statements)
    await signUp(newAddress());
    const answers: unknown[] = [];
    const t = await fastestTimes(
      async (i) => answers.push(await signUp(owners[i]!.email)),
      async () => answers.push(await signUp(newAddress())),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify({ ok: true, data: null })]),
    );
    // A hash takes tens of milliseconds: skipping it for either would show here.
    expectAboutTheSame(t, 15);
  });

  it("forgot password: the same answer and about the same time for a known and an unknown address", async () => {
    const owners = await Promise.all(Array.from({ length: 9 }, () => createTestUser()));
    await requestPasswordReset({ email: newAddress() }, uniqueIp());
    const answers: unknown[] = [];
    const t = await fastestTimes(
      async (i) =>
        answers.push(await requestPasswordReset({ email: owners[i]!.email }, uniqueIp())),
      async () => answers.push(await requestPasswordReset({ email: newAddress() }, uniqueIp())),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(
      new Set([JSON.stringify({ ok: true, data: null })]),
    );
    expectAboutTheSame(t, 15);
  });
});

describe("changing the address", () => {
  it("sends a link to the new address and a notice to the old; only the link changes it", async () => {
    const user = await createTestUser({ name: "Cal Changer" });
    const next = newAddress();
    actAs(user);
    expect(await requestEmailChange({ newEmail: next, password: user.password })).toEqual({
      ok: true,
      data: { to: next },
    });
    expect((await userRow(user.id)).email).toBe(user.email); // not yet
    const [confirm] = await accountEmailsTo(next);
    expect(confirm?.subject).toBe("CityWatch: confirm your new email address");
    const [notice] = await accountEmailsTo(user.email);
    expect(notice?.subject).toBe("CityWatch: a change of your email address was requested");
    expect(notice!.textBody).toContain(next);

    const token = tokenIn(confirm!.textBody, "/confirm-email");
    expect(await confirmEmailChange(token)).toEqual({ ok: true, data: null });
    const row = await userRow(user.id);
    expect(row.email).toBe(next);
    expect(row.emailVerifiedAt).not.toBeNull();
    expect(await confirmEmailChange(token)).toMatchObject({
      ok: false,
      refusal: { code: "bad_link", problem: "used_link" },
    });
    // signing in takes the new address now
    expect((await verifyCredentials({ email: next, password: user.password }, uniqueIp())).ok).toBe(
      true,
    );
  });

  it("needs the password, refuses the current address, and never gives one account another's", async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    actAs(user);
    expect(await requestEmailChange({ newEmail: newAddress(), password: "not it" })).toEqual({
      ok: false,
      refusal: { code: "wrong_password", field: "password" },
    });
    expect(await requestEmailChange({ newEmail: user.email, password: user.password })).toEqual({
      ok: false,
      refusal: { code: "email_unchanged" },
    });
    // another account's address: the same answer, and no link goes to it
    expect(
      await requestEmailChange({ newEmail: other.email, password: user.password }),
    ).toMatchObject({ ok: true });
    expect(await accountEmailsTo(other.email)).toHaveLength(0);

    // an address taken after the link was sent: confirming it changes nothing
    const next = newAddress();
    const token = await issueTestLink(user, "change_email", next);
    await createTestUser({ email: next });
    expect(await confirmEmailChange(token)).toEqual({
      ok: false,
      refusal: { code: "email_taken" },
    });
    expect((await userRow(user.id)).email).toBe(user.email);
  });
});
