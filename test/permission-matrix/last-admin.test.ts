// A cell the matrix cannot hold: whether an admin may delete their account
// depends on how many active admins the whole database has, so this file opens
// a private in-memory PGlite (without demo accounts) even when DATABASE_URL
// points at a Postgres shared with other test files.
delete process.env.DATABASE_URL;
process.env.PGLITE_DIR = "memory://";
process.env.SEED_DEMO = "0";

import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it, vi } from "vitest";
import type * as Actions from "@/app/(app)/account/actions";
import type * as Client from "@/db/client";
import { users } from "@/db/schema";
import type * as Helpers from "@/test/users";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));

let actions: typeof Actions;
let h: typeof Helpers;
let db: Awaited<ReturnType<typeof Client.getDb>>;

beforeAll(async () => {
  const client = await import("@/db/client");
  expect(await client.getDatabaseKind()).toBe("pglite");
  db = await client.getDb();
  actions = await import("@/app/(app)/account/actions");
  h = await import("@/test/users");
});

// each test starts with no admins at all
beforeEach(async () => {
  await db.update(users).set({ role: "resident" }).where(eq(users.role, "admin"));
});

const deleteOwn = (password: string) =>
  actions.deleteAccountAction({ password, confirm: "delete my account" });

// The rule setUserRole and banUser keep (lib/dal/admin-users.ts): the last active
// admin cannot lose the seat, by deleting their own account either.
it("the only active admin cannot delete their account", async () => {
  const admin = await h.createTestUser({ role: "admin" });
  h.actAs(admin);
  expect(await deleteOwn(admin.password)).toEqual({
    ok: false,
    formError:
      "You are the only active admin: make someone else an admin before deleting your account.",
  });
  expect((await h.userRow(admin.id)).deletedAt).toBeNull();
});

it("with a second active admin, an admin may delete their account", async () => {
  const [admin] = [
    await h.createTestUser({ role: "admin" }),
    await h.createTestUser({ role: "admin" }),
  ];
  h.actAs(admin!);
  expect(await deleteOwn(admin!.password)).toEqual({ ok: true, data: null });
  expect((await h.userRow(admin!.id)).deletedAt).not.toBeNull();
});
