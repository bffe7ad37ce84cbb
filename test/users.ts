// Test users and sessions. Test files must mock the claims module themselves
// (vi.mock is hoisted per file):
//   vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, users, type Role } from "@/db/schema";
import { getSessionClaims } from "@/lib/auth/claims";
import { AuthError, type AuthErrorCode } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";

export type TestUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
  password: string;
};

/** A short random tag, so rows from parallel test files on one Postgres never collide. */
export const unique = () => randomUUID().replaceAll("-", "").slice(0, 12);

/** A fake client IP of our own, so per-IP limits of other tests never interfere. */
export const uniqueIp = () => `test-ip-${unique()}`;

// argon2id is deliberately slow; tests reuse one hash per password.
const hashes = new Map<string, Promise<string>>();
const hashOnce = (password: string) => {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
};

/** Inserts a user with a unique email; banned/deleted users get those columns set. */
export async function createTestUser(
  options: {
    role?: Role;
    banned?: boolean;
    deleted?: boolean;
    password?: string;
    name?: string;
    email?: string;
  } = {},
): Promise<TestUser> {
  const tag = unique();
  const password = options.password ?? "correct horse battery staple";
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({
      email: options.email ?? `user-${tag}@example.test`,
      name: options.name ?? `Test User ${tag}`,
      passwordHash: await hashOnce(password),
      role: options.role ?? "resident",
      bannedAt: options.banned ? new Date() : null,
      banReason: options.banned ? "test ban" : null,
      deletedAt: options.deleted ? new Date() : null,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return {
    id: row.id,
    email: row.email!,
    name: row.name,
    role: row.role,
    sessionVersion: row.sessionVersion,
    password,
  };
}

/** Makes the mocked session cookie say `user` is signed in (null: nobody). */
export function actAs(user: { id: number; sessionVersion: number } | null): void {
  vi.mocked(getSessionClaims).mockResolvedValue(
    user ? { userId: user.id, sessionVersion: user.sessionVersion } : null,
  );
}

/** The user's row as the database holds it now. */
export async function userRow(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw new Error(`no user ${id}`);
  return row;
}

/** Audit rows that name `userId` as the target. */
export async function auditFor(userId: number) {
  const db = await getDb();
  return db.select().from(auditLog).where(eq(auditLog.targetUserId, userId));
}

/** Awaits `promise` and checks it was refused with an AuthError of `code`. */
export async function expectAuthError(promise: Promise<unknown>, code: AuthErrorCode) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  expect((error as AuthError).code).toBe(code);
}
