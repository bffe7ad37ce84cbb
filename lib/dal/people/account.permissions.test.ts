import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { jurisdictions } from "@/db/schema";
import type { AuthErrorCode } from "@/lib/auth/current-user";
import {
  actAs,
  auditFor,
  createTestUser,
  expectAuthError,
  newSession,
  uniqueIp,
  userRow,
  type TestUser,
} from "@/test/users";
import {
  changeName,
  changePassword,
  deleteOwnAccount,
  getAccount,
  setHomeCity,
  signOutEverywhere,
} from "./account";
import { verifyCredentials } from "./auth";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));

// Opening (migrating, seeding) the database is slow when files run in parallel:
// do it under the hook timeout rather than inside the first test.
beforeAll(async () => {
  await getDb();
});

const NEW_PASSWORD = "a different long passphrase 42";

/** Each account action, called with the password the user currently has. */
const ACTIONS: { name: string; run: (password: string) => Promise<unknown> }[] = [
  { name: "getAccount", run: () => getAccount() },
  { name: "changeName", run: () => changeName({ name: "Mallory" }) },
  { name: "setHomeCity", run: () => setHomeCity({ homeCity: "chicago-il" }) },
  {
    name: "changePassword",
    run: (password) =>
      changePassword({ currentPassword: password, newPassword: "yet another passphrase 7" }),
  },
  { name: "signOutEverywhere", run: () => signOutEverywhere() },
  {
    name: "deleteOwnAccount",
    run: (password) => deleteOwnAccount({ password, confirm: "delete my account" }),
  },
];

const OK = { ok: true, data: null };

/** Who calls, the refusal they get, and what they did first (returning their password now). */
const CALLERS: {
  name: string;
  code: AuthErrorCode;
  user?: { banned?: boolean; deleted?: boolean };
  first?: (user: TestUser) => Promise<string>;
}[] = [
  { name: "anonymous", code: "unauthenticated" },
  { name: "a banned user", code: "banned", user: { banned: true } },
  { name: "a deleted user", code: "session_expired", user: { deleted: true } },
  {
    name: "a session ended by sign out everywhere",
    code: "session_expired",
    first: async (user) => {
      expect(await signOutEverywhere()).toEqual(OK);
      return user.password;
    },
  },
  {
    name: "a session ended by a password change",
    code: "session_expired",
    first: async (user) => {
      const input = { currentPassword: user.password, newPassword: NEW_PASSWORD };
      expect(await changePassword(input)).toEqual(OK);
      return NEW_PASSWORD;
    },
  },
];

describe("account actions refuse callers who may not act", () => {
  for (const caller of CALLERS) {
    describe(caller.name, () => {
      for (const action of ACTIONS) {
        it(`${action.name} → ${caller.code}, row unchanged`, async () => {
          const user = await createTestUser(caller.user);
          actAs(caller.code === "unauthenticated" ? null : user);
          const password = caller.first ? await caller.first(user) : user.password;
          const before = await userRow(user.id);
          await expectAuthError(action.run(password), caller.code);
          expect(await userRow(user.id)).toEqual(before);
          expect(await auditFor(user.id)).toEqual([]);
        });
      }
    });
  }
});

describe("account actions for the signed-in person", () => {
  it("changeName changes only the caller's row", async () => {
    const [me, other] = [await createTestUser(), await createTestUser()];
    actAs(me);
    expect(await changeName({ name: "Renamed Person" })).toEqual(OK);
    expect((await userRow(me.id)).name).toBe("Renamed Person");
    expect((await userRow(other.id)).name).toBe(other.name);
    expect((await getAccount()).name).toBe("Renamed Person");
  });

  it("setHomeCity sets a known city, refuses an unknown one, and clears", async () => {
    const me = await createTestUser();
    actAs(me);
    const db = await getDb();
    const [chicago] = await db
      .select({ id: jurisdictions.id })
      .from(jurisdictions)
      .where(eq(jurisdictions.slug, "chicago-il"));
    expect(await setHomeCity({ homeCity: "chicago-il" })).toEqual(OK);
    expect((await userRow(me.id)).homeJurisdictionId).toBe(chicago!.id);
    expect((await getAccount()).homeCity).toBe("chicago-il");
    expect(await setHomeCity({ homeCity: "atlantis-zz" })).toEqual({
      ok: false,
      refusal: { code: "unknown_home_city" },
    });
    expect((await userRow(me.id)).homeJurisdictionId).toBe(chicago!.id);
    expect(await setHomeCity({ homeCity: "" })).toEqual(OK);
    expect((await userRow(me.id)).homeJurisdictionId).toBeNull();
  });

  it("changePassword with a wrong current password changes nothing", async () => {
    const me = await createTestUser();
    actAs(me);
    const before = await userRow(me.id);
    const result = await changePassword({
      currentPassword: "not my password",
      newPassword: NEW_PASSWORD,
    });
    expect(result).toEqual({
      ok: false,
      refusal: { code: "wrong_password", field: "currentPassword" },
    });
    const after = await userRow(me.id);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
  });

  it("changePassword with the right one bumps session_version and the new password works", async () => {
    const me = await createTestUser();
    actAs(me);
    const ip = uniqueIp();
    const result = await changePassword({
      currentPassword: me.password,
      newPassword: NEW_PASSWORD,
    });
    expect(result).toEqual(OK);
    expect((await userRow(me.id)).sessionVersion).toBe(me.sessionVersion + 1);
    const signIn = await verifyCredentials({ email: me.email, password: NEW_PASSWORD }, ip);
    expect(signIn).toMatchObject({
      ok: true,
      user: { id: me.id, sessionVersion: me.sessionVersion + 1 },
    });
    expect(await verifyCredentials({ email: me.email, password: me.password }, ip)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("signOutEverywhere bumps session_version; the new version is accepted", async () => {
    const me = await createTestUser();
    actAs(me);
    expect(await signOutEverywhere()).toEqual(OK);
    expect((await userRow(me.id)).sessionVersion).toBe(me.sessionVersion + 1);
    // This session ended with the others; signing in again opens a new one.
    await expectAuthError(getAccount(), "session_expired");
    actAs(await newSession(me));
    expect((await getAccount()).email).toBe(me.email);
  });

  it("deleteOwnAccount with a wrong password changes nothing", async () => {
    const me = await createTestUser();
    actAs(me);
    const before = await userRow(me.id);
    const result = await deleteOwnAccount({
      password: "not my password",
      confirm: "delete my account",
    });
    expect(result).toEqual({ ok: false, refusal: { code: "wrong_password", field: "password" } });
    expect(await userRow(me.id)).toEqual(before);
    expect(await auditFor(me.id)).toEqual([]);
  });

  it("deleteOwnAccount erases personal data, keeps the row and writes an audit row", async () => {
    const me = await createTestUser();
    actAs(me);
    const result = await deleteOwnAccount({ password: me.password, confirm: "delete my account" });
    expect(result).toEqual(OK);
    const row = await userRow(me.id);
    expect(row).toMatchObject({
      email: null,
      name: "deleted user",
      passwordHash: null,
      homeJurisdictionId: null,
    });
    expect(row.deletedAt).toBeInstanceOf(Date);
    const audit = await auditFor(me.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "account.delete",
      actorId: me.id,
      targetUserId: me.id,
    });
    expect(await verifyCredentials({ email: me.email, password: me.password }, uniqueIp())).toEqual(
      {
        ok: false,
        reason: "invalid",
      },
    );
    await expectAuthError(getAccount(), "session_expired");
  });
});
