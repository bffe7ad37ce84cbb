// The last-admin rule depends on how many active admins exist in the whole
// database, so this file always opens a private in-memory PGlite (without the
// demo accounts), even when DATABASE_URL points at a Postgres shared with other
// test files. The env is set before anything that opens the database is imported.
delete process.env.DATABASE_URL;
process.env.PGLITE_DIR = "memory://";
process.env.SEED_DEMO = "0";

import { and, eq, isNull, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidateTag: vi.fn() }));
import type * as Client from "@/db/client";
import { users } from "@/db/schema";
import type * as Helpers from "@/test/users";
import type * as AdminUsers from "./admin-users";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));

let dal: typeof AdminUsers;
let h: typeof Helpers;
let db: Awaited<ReturnType<typeof Client.getDb>>;

beforeAll(async () => {
  const client = await import("@/db/client");
  expect(await client.getDatabaseKind()).toBe("pglite");
  db = await client.getDb();
  dal = await import("./admin-users");
  h = await import("@/test/users");
});

// Tests in one file run one after another: each starts with no admins at all.
beforeEach(async () => {
  await db.update(users).set({ role: "resident" }).where(eq(users.role, "admin"));
});

async function activeAdmins(): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.bannedAt), isNull(users.deletedAt)));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

const LAST_DEMOTE = { code: "last_admin_demote" };
const LAST_BAN = { code: "last_admin_ban" };

describe("the last active admin keeps the seat", () => {
  it("the only admin cannot demote themself, to any role", async () => {
    const a = await h.createTestUser({ role: "admin" });
    h.actAs(a);
    const before = await h.userRow(a.id);
    for (const role of ["resident", "moderator"] as const) {
      const result = await dal.setUserRole({ userId: a.id, role });
      expect(result).toEqual({ ok: false, refusal: LAST_DEMOTE });
    }
    expect(await h.userRow(a.id)).toEqual(before);
    expect(await h.auditFor(a.id)).toEqual([]);
    expect(await activeAdmins()).toEqual([a.id]);
  });

  it("the only admin cannot ban themself", async () => {
    const a = await h.createTestUser({ role: "admin" });
    h.actAs(a);
    const before = await h.userRow(a.id);
    const result = await dal.banUser({ userId: a.id, reason: "stepping away" });
    expect(result).toEqual({ ok: false, refusal: LAST_BAN });
    expect(await h.userRow(a.id)).toEqual(before);
    expect(await h.auditFor(a.id)).toEqual([]);
  });

  it("banned and deleted admins do not count as active", async () => {
    const a = await h.createTestUser({ role: "admin" });
    await h.createTestUser({ role: "admin", banned: true });
    await h.createTestUser({ role: "admin", deleted: true });
    h.actAs(a);
    expect(await dal.setUserRole({ userId: a.id, role: "resident" })).toEqual({
      ok: false,
      refusal: LAST_DEMOTE,
    });
    expect(await dal.banUser({ userId: a.id, reason: "stepping away" })).toEqual({
      ok: false,
      refusal: LAST_BAN,
    });
    expect(await activeAdmins()).toEqual([a.id]);
  });

  it("with a second active admin, an admin may step down", async () => {
    const a = await h.createTestUser({ role: "admin" });
    const b = await h.createTestUser({ role: "admin" });
    h.actAs(a);
    expect(await dal.setUserRole({ userId: a.id, role: "moderator" })).toEqual({
      ok: true,
      data: null,
    });
    expect(await h.auditFor(a.id)).toMatchObject([
      { action: "user.role", actorId: a.id, details: "admin → moderator" },
    ]);
    expect(await activeAdmins()).toEqual([b.id]);
  });

  it("demoting the last two admins one after the other leaves one", async () => {
    const a = await h.createTestUser({ role: "admin" });
    const b = await h.createTestUser({ role: "admin" });
    h.actAs(a);
    expect(await dal.setUserRole({ userId: b.id, role: "resident" })).toEqual({
      ok: true,
      data: null,
    });
    h.actAs(b);
    await h.expectAuthError(dal.setUserRole({ userId: a.id, role: "resident" }), "forbidden");
    h.actAs(a);
    expect(await dal.setUserRole({ userId: a.id, role: "resident" })).toEqual({
      ok: false,
      refusal: LAST_DEMOTE,
    });
    expect(await activeAdmins()).toEqual([a.id]);
  });

  it("banning the last two admins one after the other leaves one", async () => {
    const a = await h.createTestUser({ role: "admin" });
    const b = await h.createTestUser({ role: "admin" });
    h.actAs(a);
    expect(await dal.banUser({ userId: b.id, reason: "compromised" })).toEqual({
      ok: true,
      data: null,
    });
    expect(await dal.banUser({ userId: a.id, reason: "me too" })).toEqual({
      ok: false,
      refusal: LAST_BAN,
    });
    expect(await activeAdmins()).toEqual([a.id]);
  });

  it("two admins demoting each other at once leave exactly one admin", async () => {
    const a = await h.createTestUser({ role: "admin" });
    const b = await h.createTestUser({ role: "admin" });
    const { getSessionClaims } = await import("@/lib/auth/claims");
    // Both pass the role check before either change commits; the seat check inside
    // the locked transaction must still refuse the second one.
    vi.mocked(getSessionClaims)
      .mockResolvedValueOnce(h.claimsOf(a))
      .mockResolvedValueOnce(h.claimsOf(b));
    const results = await Promise.all([
      dal.setUserRole({ userId: b.id, role: "resident" }),
      dal.setUserRole({ userId: a.id, role: "resident" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, refusal: LAST_DEMOTE }]);
    expect(await activeAdmins()).toHaveLength(1);
    const [{ n } = { n: -1 }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(eq(users.role, "admin"));
    expect(n).toBe(1);
  });
});

// The same rule for an admin deleting their own account (lib/dal/people/account.ts).
describe("deleteOwnAccount keeps an active admin", () => {
  const deleteOwn = async (password: string) => {
    const { deleteOwnAccount } = await import("./account");
    return deleteOwnAccount({ password, confirm: "delete my account" });
  };

  it("the only active admin cannot delete their account", async () => {
    const admin = await h.createTestUser({ role: "admin" });
    h.actAs(admin);
    expect(await deleteOwn(admin.password)).toEqual({
      ok: false,
      refusal: { code: "last_admin_delete" },
    });
    expect((await h.userRow(admin.id)).deletedAt).toBeNull();
  });

  it("with a second active admin, an admin may delete their account", async () => {
    const admin = await h.createTestUser({ role: "admin" });
    await h.createTestUser({ role: "admin" });
    h.actAs(admin);
    expect(await deleteOwn(admin.password)).toEqual({ ok: true, data: null });
    expect((await h.userRow(admin.id)).deletedAt).not.toBeNull();
  });
});
