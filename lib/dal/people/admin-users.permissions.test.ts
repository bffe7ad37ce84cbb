import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { requireRole, requireUser, type AuthErrorCode } from "@/lib/auth/current-user";
import {
  actAs,
  auditFor,
  createTestUser,
  expectAuthError,
  newSession,
  unique,
  userRow,
} from "@/test/users";
import { banUser, listUserAudit, listUsers, setUserRole, unbanUser } from "./admin-users";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
const { revalidateTag } = vi.hoisted(() => ({ revalidateTag: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag }));

// Opening (migrating, seeding) the database is slow when files run in parallel:
// do it under the hook timeout rather than inside the first test.
beforeAll(async () => {
  await getDb();
});

/** Each admin action against a fresh resident and a fresh banned user. */
const ACTIONS: { name: string; run: (target: number, banned: number) => Promise<unknown> }[] = [
  { name: "listUsers", run: () => listUsers({}) },
  { name: "listUserAudit", run: () => listUserAudit() },
  { name: "setUserRole", run: (target) => setUserRole({ userId: target, role: "admin" }) },
  { name: "banUser", run: (target) => banUser({ userId: target, reason: "no reason at all" }) },
  { name: "unbanUser", run: (_, banned) => unbanUser({ userId: banned, reason: "let them in" }) },
];

const CALLERS: { name: string; code: AuthErrorCode; act: () => Promise<void> }[] = [
  { name: "anonymous", code: "unauthenticated", act: async () => actAs(null) },
  {
    name: "a resident",
    code: "forbidden",
    act: async () => actAs(await createTestUser({ role: "resident" })),
  },
  {
    name: "a moderator",
    code: "forbidden",
    act: async () => actAs(await createTestUser({ role: "moderator" })),
  },
  {
    name: "a banned admin",
    code: "banned",
    act: async () => actAs(await createTestUser({ role: "admin", banned: true })),
  },
  {
    name: "an admin with a stale session",
    code: "session_expired",
    act: async () => {
      const admin = await createTestUser({ role: "admin" });
      actAs({ ...admin, sessionVersion: admin.sessionVersion - 1 });
    },
  },
];

describe("admin actions refuse everyone but an active admin", () => {
  for (const caller of CALLERS) {
    describe(caller.name, () => {
      for (const action of ACTIONS) {
        it(`${action.name} → ${caller.code}, nothing changes`, async () => {
          const target = await createTestUser();
          const banned = await createTestUser({ banned: true });
          await caller.act();
          const before = [await userRow(target.id), await userRow(banned.id)];
          await expectAuthError(action.run(target.id, banned.id), caller.code);
          expect([await userRow(target.id), await userRow(banned.id)]).toEqual(before);
          expect([...(await auditFor(target.id)), ...(await auditFor(banned.id))]).toEqual([]);
        });
      }
    });
  }
});

describe("admin actions for an admin", () => {
  it("promote and demote write the role and an audit row", async () => {
    const admin = await createTestUser({ role: "admin" });
    const target = await createTestUser();
    actAs(admin);
    const promoted = await setUserRole({ userId: target.id, role: "moderator", reason: "helps" });
    expect(promoted).toEqual({ ok: true, data: null });
    expect((await userRow(target.id)).role).toBe("moderator");
    actAs(target);
    expect((await requireRole("moderate", "moderator")).role).toBe("moderator");
    await expectAuthError(requireRole("list users", "admin"), "forbidden");
    actAs(admin);
    expect(await setUserRole({ userId: target.id, role: "resident" })).toEqual({
      ok: true,
      data: null,
    });
    expect((await userRow(target.id)).role).toBe("resident");
    // Shared with every instance: the proxy stops trusting the cookie's old role.
    expect(revalidateTag).toHaveBeenCalledWith(`account:${target.id}`, { expire: 0 });
    const audit = (await auditFor(target.id)).sort((a, b) => a.id - b.id);
    expect(audit).toMatchObject([
      { action: "user.role", actorId: admin.id, reason: "helps", details: "resident → moderator" },
      { action: "user.role", actorId: admin.id, reason: null, details: "moderator → resident" },
    ]);
    const again = await setUserRole({ userId: target.id, role: "resident" });
    expect(again).toEqual({
      ok: false,
      refusal: { code: "role_unchanged", name: target.name, role: "resident" },
    });
    expect(await auditFor(target.id)).toHaveLength(2);
  });

  it("a demoted admin loses admin rights on the next request", async () => {
    const [a, b] = [
      await createTestUser({ role: "admin" }),
      await createTestUser({ role: "admin" }),
    ];
    actAs(a);
    expect(await setUserRole({ userId: b.id, role: "resident" })).toEqual({ ok: true, data: null });
    actAs(b);
    await expectAuthError(listUsers({}), "forbidden");
    await expectAuthError(setUserRole({ userId: a.id, role: "resident" }), "forbidden");
    expect((await userRow(a.id)).role).toBe("admin");
  });

  it("ban ends the sessions, records the reason, and unban lifts it", async () => {
    const admin = await createTestUser({ role: "admin" });
    const target = await createTestUser();
    actAs(admin);
    expect(await banUser({ userId: target.id, reason: "spam links" })).toEqual({
      ok: true,
      data: null,
    });
    const banned = await userRow(target.id);
    expect(banned.bannedAt).toBeInstanceOf(Date);
    expect(banned.banReason).toBe("spam links");
    expect(banned.sessionVersion).toBe(target.sessionVersion + 1);
    expect(await auditFor(target.id)).toMatchObject([
      { action: "user.ban", actorId: admin.id, reason: "spam links" },
    ]);
    actAs(target);
    await expectAuthError(requireUser("post"), "session_expired");
    actAs(await newSession(target));
    await expectAuthError(requireUser("post"), "banned");

    actAs(admin);
    const twice = await banUser({ userId: target.id, reason: "again" });
    expect(twice).toEqual({
      ok: false,
      refusal: { code: "already_banned", name: target.name },
    });
    expect(await unbanUser({ userId: target.id, reason: "appeal granted" })).toEqual({
      ok: true,
      data: null,
    });
    const unbanned = await userRow(target.id);
    expect([unbanned.bannedAt, unbanned.banReason]).toEqual([null, null]);
    const audit = (await auditFor(target.id)).sort((a, b) => a.id - b.id);
    expect(audit.map((r) => [r.action, r.reason])).toEqual([
      ["user.ban", "spam links"],
      ["user.unban", "appeal granted"],
    ]);
    actAs(await newSession(target));
    expect((await requireUser("post")).id).toBe(target.id);
    actAs(admin);
    const notBanned = await unbanUser({ userId: target.id, reason: "again" });
    expect(notBanned).toEqual({
      ok: false,
      refusal: { code: "not_banned", name: target.name },
    });
  });

  it("refuses to change a deleted or unknown user", async () => {
    const admin = await createTestUser({ role: "admin" });
    const gone = await createTestUser({ deleted: true });
    actAs(admin);
    const before = await userRow(gone.id);
    for (const userId of [gone.id, 2_147_483_647]) {
      expect(await banUser({ userId, reason: "whatever" })).toEqual({
        ok: false,
        refusal: { code: "no_such_user" },
      });
      expect(await setUserRole({ userId, role: "admin" })).toEqual({
        ok: false,
        refusal: { code: "no_such_user" },
      });
    }
    expect(await userRow(gone.id)).toEqual(before);
  });

  it("listUsers searches name and email, treating % and _ literally", async () => {
    const tag = unique();
    const admin = await createTestUser({ role: "admin" });
    const found = await createTestUser({ name: `Findable ${tag}` });
    await createTestUser({ name: `Other ${tag.slice(0, 6)}x${tag.slice(7)}` });
    actAs(admin);
    const byName = await listUsers({ q: tag });
    expect(byName.users.map((u) => u.id)).toEqual([found.id]);
    expect(byName.users[0]).toMatchObject({ email: found.email, role: "resident", banned: false });
    expect((await listUsers({ q: found.email.toUpperCase() })).users.map((u) => u.id)).toEqual([
      found.id,
    ]);
    const wildcard = `${tag.slice(0, 6)}_${tag.slice(7)}`;
    expect((await listUsers({ q: wildcard })).users).toEqual([]);
  });

  it("listUserAudit names the actor and the target", async () => {
    const admin = await createTestUser({ role: "admin" });
    const target = await createTestUser();
    actAs(admin);
    await banUser({ userId: target.id, reason: "audited reason" });
    const rows = await listUserAudit(200);
    expect(rows.find((r) => r.targetName === target.name)).toMatchObject({
      action: "user.ban",
      actorName: admin.name,
      reason: "audited reason",
    });
  });
});
