// Test users and sessions. Test files must mock the claims module themselves
// (vi.mock is hoisted per file):
//   vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, expect, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { type Role } from "@/lib/enums";
import { getSessionClaims } from "@/lib/auth/claims";
import { AuthError, type AuthErrorCode } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import { openSession } from "@/lib/dal/people/sessions";

export type TestUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
  /** An open session of this user (a row in `sessions`), as if they had signed in. */
  sessionId: string;
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
    /** false: an account whose address is not verified yet (default: verified). */
    verified?: boolean;
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
      emailVerifiedAt: options.verified === false ? null : new Date(),
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return {
    id: row.id,
    email: row.email!,
    name: row.name,
    role: row.role,
    sessionVersion: row.sessionVersion,
    sessionId: await openSession(row, NO_DEVICE),
    password,
  };
}

/** Test sessions come from no browser and no network. */
const NO_DEVICE = { userAgent: "", ip: null };

/**
 * A new session of `user` at their account's current session version: what
 * signing in again opens (after "sign out everywhere", a ban, a password change).
 */
export async function newSession(user: { id: number }): Promise<NonNullable<Caller>> {
  const { sessionVersion } = await userRow(user.id);
  const sessionId = await openSession({ id: user.id, sessionVersion }, NO_DEVICE);
  return { id: user.id, sessionVersion, sessionId };
}

/** Who a session cookie says is signed in: a user id, its session version and session (null: nobody). */
export type Caller = { id: number; sessionVersion: number; sessionId: string } | null;

/** What `user`'s session cookie says. */
export const claimsOf = (user: NonNullable<Caller>) => ({
  userId: user.id,
  sessionVersion: user.sessionVersion,
  sessionId: user.sessionId,
});

/** One refused caller: its name (tests are named after it), who it is, and the refusal's code. */
export type Refusal = [who: string, caller: () => Caller, code: AuthErrorCode];

/**
 * The callers every signed-in-only DAL function must refuse: signed out, banned,
 * deleted, and a session from before "sign out everywhere". Call it inside a
 * describe block: it creates its users in a beforeAll registered there (so call it
 * before that block's own beforeAll if that one needs the users). `create` makes
 * each user (createTestUser unless the tests need more set up on them).
 *
 * `users` may be read only from hooks and tests, once that beforeAll has run.
 */
export function refusedCallers(
  create: (options: { banned?: boolean; deleted?: boolean }) => Promise<TestUser> = createTestUser,
): { refusals: Refusal[]; users: { banned: TestUser; deleted: TestUser; stale: TestUser } } {
  let created: { banned: TestUser; deleted: TestUser; stale: TestUser } | undefined;
  beforeAll(async () => {
    created = {
      banned: await create({ banned: true }),
      deleted: await create({ deleted: true }),
      stale: await create({}),
    };
  });
  const made = () => {
    if (!created) throw new Error("refusedCallers: its users are made in a beforeAll");
    return created;
  };
  const users = {
    get banned() {
      return made().banned;
    },
    get deleted() {
      return made().deleted;
    },
    get stale() {
      return made().stale;
    },
  };
  const refusals: Refusal[] = [
    ["anonymous", () => null, "unauthenticated"],
    ["banned", () => users.banned, "banned"],
    ["deleted", () => users.deleted, "session_expired"],
    // a cookie from before "sign out everywhere" or a password change
    [
      "stale session",
      () => ({ ...users.stale, sessionVersion: users.stale.sessionVersion + 1 }),
      "session_expired",
    ],
  ];
  return { refusals, users };
}

/** Makes the mocked session cookie say `user` is signed in (null: nobody). */
export function actAs(user: Caller): void {
  vi.mocked(getSessionClaims).mockResolvedValue(user ? claimsOf(user) : null);
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
