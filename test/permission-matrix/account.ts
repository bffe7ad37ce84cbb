// Rows: what a signed-in person does to their own account, notifications and
// follows. No form names another account, so there is no "author": the row's
// author is a bystander whose account must stay untouched.
import { expect } from "vitest";
import {
  changeEmailAction,
  changeNameAction,
  changePasswordAction,
  deleteAccountAction,
  resetPrivateFeedAction,
  setEmailFrequencyAction,
  setHomeCityAction,
  endSessionAction,
  signOutEverywhereAction,
} from "@/app/(app)/account/actions";
import { markAllReadAction, markReadAction } from "@/app/(app)/notifications/actions";
import { setFollowAction } from "@/app/(public)/cities/actions";
import type { ActionResult } from "@/lib/actions/result";
import { insertFollows, isFollowing } from "@/test/follows";
import { callEither, submitForm, type FormAction } from "@/test/forms";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailTokens, sessions } from "@/db/schema";
import { newSession, unique, type TestUser } from "@/test/users";
import {
  accountOf,
  notificationOf,
  notificationRow,
  row,
  sharedCity,
  type AnySpec,
  type Case,
} from "./kit";

const ACCOUNT = "app/(app)/account/actions.ts";
const NOTIFICATIONS = "app/(app)/notifications/actions.ts";
const FOLLOWS = "app/(public)/cities/actions.ts";

/** The links issued for an address. */
async function linksTo(email: string) {
  const db = await getDb();
  return db
    .select({ purpose: emailTokens.purpose, userId: emailTokens.userId })
    .from(emailTokens)
    .where(eq(emailTokens.email, email));
}

/** Any active account, on itself. */
const selfService = {
  anonymous: "unauthenticated",
  resident: "ok",
  banned: "banned",
  author: "n/a",
  moderator: "ok",
  admin: "ok",
} as const;

/** The caller's account and the bystander's, as the database holds them. */
const accounts = async (_fx: unknown, c: Case) => ({
  me: await accountOf(c.caller),
  bystander: await accountOf(c.author),
});
type Accounts = Awaited<ReturnType<typeof accounts>>;

/** An action on the caller's own account row: `changed` checks it, the bystander is untouched. */
function ownAccountRow<F>(
  name: string,
  fn: ((input: unknown) => Promise<ActionResult<unknown>>) | FormAction,
  input: (c: Case) => F,
  changed: (
    after: NonNullable<Accounts["me"]>,
    before: NonNullable<Accounts["me"]>,
    result: ActionResult<unknown>,
  ) => void,
): AnySpec {
  return row({
    endpoint: { file: ACCOUNT, name },
    fn,
    setup: async (c) => input(c),
    call: (fx, _c, extra) => callEither(fn, { ...(fx as object), ...extra }),
    state: accounts,
    wrote({ after, before, result }) {
      expect(after.bystander).toEqual(before.bystander);
      changed(after.me!, before.me!, result);
    },
    expect: selfService,
  });
}

/** Anyone signed in follows; without a session the follow button leads to sign in. */
const followers = { ...selfService, anonymous: "sign in" } as const;

/** The follow button's form as the city page posts it. */
const postFollow = (city: string, intent: string, extra?: Record<string, unknown>) =>
  submitForm(
    setFollowAction,
    { city, intent, callbackUrl: `/cities/${city}`, ...extra },
    { redirects: true },
  );

const passwordOf = (c: Case) => (c.caller as TestUser | null)?.password ?? "no password at all";

export const ACCOUNT_ROWS: AnySpec[] = [
  ownAccountRow(
    "changeNameAction",
    changeNameAction,
    () => ({ name: `Renamed ${unique()}` }),
    (after, before) => {
      expect(after.name).toMatch(/^Renamed /);
      expect(after.sessionVersion).toBe(before.sessionVersion);
    },
  ),
  ownAccountRow(
    "changePasswordAction",
    changePasswordAction,
    (c) => ({ currentPassword: passwordOf(c), newPassword: "a brand new passphrase 7" }),
    (after, before) => {
      expect(after.passwordHash).not.toBe(before.passwordHash);
      expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    },
  ),
  row({
    endpoint: { file: ACCOUNT, name: "setHomeCityAction" },
    fn: setHomeCityAction,
    setup: async () => ({ city: await sharedCity() }),
    call: (fx, _c, extra) => submitForm(setHomeCityAction, { homeCity: fx.city.slug, ...extra }),
    state: async (fx, c) => ({
      ...(await accounts(fx, c)),
      follows: c.caller ? await isFollowing(c.caller.id, fx.city.id) : null,
    }),
    wrote({ after, before, fx }) {
      expect(after.bystander).toEqual(before.bystander);
      expect(after.me!.homeJurisdictionId).toBe(fx.city.id);
      expect(after.follows).toBe(true);
    },
    expect: selfService,
  }),
  ownAccountRow(
    "signOutEverywhereAction",
    signOutEverywhereAction,
    () => ({}),
    (after, before) => expect(after.sessionVersion).toBe(before.sessionVersion + 1),
  ),
  row({
    endpoint: { file: ACCOUNT, name: "changeEmailAction" },
    fn: changeEmailAction,
    // nothing changes on the account until the new address opens its link
    setup: async () => ({ newEmail: `changed-${unique()}@example.test` }),
    call: (fx, c, extra) =>
      submitForm(changeEmailAction, { newEmail: fx.newEmail, password: passwordOf(c), ...extra }),
    state: async (fx, c) => ({ ...(await accounts(fx, c)), links: await linksTo(fx.newEmail) }),
    wrote({ after, before, c }) {
      expect(after.me).toEqual(before.me);
      expect(after.bystander).toEqual(before.bystander);
      expect(after.links).toEqual([{ purpose: "change_email", userId: c.caller!.id }]);
    },
    expect: selfService,
  }),
  ownAccountRow(
    "deleteAccountAction",
    deleteAccountAction,
    (c) => ({ password: passwordOf(c), confirm: "delete my account" }),
    (after) => {
      expect(after).toMatchObject({ email: null, name: "deleted user", passwordHash: null });
      expect(after.deletedAt).not.toBeNull();
    },
  ),
  ownAccountRow(
    "setEmailFrequencyAction",
    setEmailFrequencyAction,
    () => ({ frequency: "never" }),
    (after, before) => {
      expect(before.emailFrequency).toBe("daily");
      expect(after.emailFrequency).toBe("never");
    },
  ),
  ownAccountRow(
    "resetPrivateFeedAction",
    resetPrivateFeedAction,
    () => ({}),
    (after, _before, result) => {
      expect(after.feedToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(result).toEqual({ ok: true, data: { path: `/feeds/${after.feedToken}/feed.xml` } });
    },
  ),

  row({
    endpoint: { file: ACCOUNT, name: "endSessionAction" },
    fn: endSessionAction,
    // Another of the author's sessions (a second browser): only the author may end it.
    setup: async (c) => ({ sessionId: (await newSession(c.author)).sessionId }),
    call: (fx, _c, extra) => submitForm(endSessionAction, { sessionId: fx.sessionId, ...extra }),
    state: async (fx) => {
      const db = await getDb();
      const [session] = await db.select().from(sessions).where(eq(sessions.id, fx.sessionId));
      return { ended: session?.endedAt !== null };
    },
    wrote({ after }) {
      expect(after.ended).toBe(true);
    },
    expect: {
      anonymous: "unauthenticated",
      resident: { formError: "That session has already ended." },
      banned: "banned",
      author: "ok",
      moderator: { formError: "That session has already ended." },
      admin: { formError: "That session has already ended." },
    },
  }),

  row({
    endpoint: { file: NOTIFICATIONS, name: "markReadAction" },
    fn: markReadAction,
    bannedAs: "author",
    setup: async (c) => ({ id: await notificationOf(c.author.id) }),
    call: (fx, _c, extra) => submitForm(markReadAction, { id: fx.id, ...extra }),
    state: (fx) => notificationRow(fx.id),
    wrote({ after, result }) {
      expect(after?.readAt).not.toBeNull();
      expect(result).toEqual({ ok: true, data: { unread: 0 } });
    },
    expect: {
      anonymous: "unauthenticated",
      resident: { formError: "There is no such notification." },
      banned: "banned",
      author: "ok",
      moderator: { formError: "There is no such notification." },
      admin: { formError: "There is no such notification." },
    },
  }),
  row({
    endpoint: { file: NOTIFICATIONS, name: "markAllReadAction" },
    fn: markAllReadAction,
    bannedAs: "author",
    setup: async (c) => ({ id: await notificationOf(c.author.id) }),
    // marks the caller's own notifications up to this id: never the author's
    call: (fx, _c, extra) => submitForm(markAllReadAction, { upTo: fx.id, ...extra }),
    state: (fx) => notificationRow(fx.id),
    wrote({ after }) {
      expect(after?.readAt).not.toBeNull();
    },
    expect: {
      anonymous: "unauthenticated",
      resident: "ok, no write",
      banned: "banned",
      author: "ok",
      moderator: "ok, no write",
      admin: "ok, no write",
    },
  }),

  row({
    endpoint: { file: FOLLOWS, name: "setFollowAction" },
    variant: "follow",
    fn: setFollowAction,
    setup: async () => ({ city: await sharedCity() }),
    call: (fx, _c, extra) => postFollow(fx.city.slug, "follow", extra),
    state: async (fx, c) => (c.caller ? isFollowing(c.caller.id, fx.city.id) : null),
    wrote({ after, result }) {
      expect(after).toBe(true);
      expect(result).toMatchObject({ ok: true, data: { following: true, signedIn: true } });
    },
    expect: followers,
  }),
  row({
    endpoint: { file: FOLLOWS, name: "setFollowAction" },
    variant: "unfollow",
    fn: setFollowAction,
    async setup(c) {
      const city = await sharedCity();
      if (c.caller) await insertFollows(c.caller.id, [city.id]);
      return { city };
    },
    call: (fx, _c, extra) => postFollow(fx.city.slug, "unfollow", extra),
    state: async (fx, c) => (c.caller ? isFollowing(c.caller.id, fx.city.id) : null),
    wrote({ after, before, result }) {
      expect([before, after]).toEqual([true, false]);
      expect(result).toMatchObject({ ok: true, data: { following: false, signedIn: true } });
    },
    expect: followers,
  }),
];
