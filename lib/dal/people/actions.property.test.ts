import { inArray } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ revalidateTag: vi.fn() }));
import type { ZodType } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { AuthError } from "@/lib/auth/current-user";
import { changeNameSchema, homeCitySchema } from "@/lib/validation/account";
import { banUserSchema, userSearchSchema } from "@/lib/validation/admin";
import { hostileString, hostileValue } from "@/test/hostile";
import { actAs, createTestUser, type TestUser } from "@/test/users";
import { changeName, setHomeCity } from "./account";
import { banUser, listUsers } from "./admin-users";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));

// Bad input must never become a 500: whatever passes the schema, the DAL answers
// with a result or refuses with an AuthError, and never throws anything else.
describe("actions (schema, then DAL) only ever fail with AuthError or a result", () => {
  let resident: TestUser;
  let admin: TestUser;
  let targets: TestUser[];
  let db: Awaited<ReturnType<typeof getDb>>;
  beforeAll(async () => {
    [resident, admin] = [await createTestUser(), await createTestUser({ role: "admin" })];
    targets = [await createTestUser(), await createTestUser()];
    db = await getDb();
  });

  /** Runs `call` like a server action would; an exception other than AuthError fails the property. */
  async function action(schema: ZodType, input: unknown, call: (data: never) => Promise<unknown>) {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return;
    try {
      const result = await call(parsed.data as never);
      expect(result).toHaveProperty("ok");
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
    }
  }

  const field = (key: string, good: fc.Arbitrary<unknown>) =>
    fc.oneof(
      fc.dictionary(fc.string(), hostileValue),
      fc.record({ [key]: fc.oneof(good, hostileValue) }),
    );

  it("changeName and setHomeCity", async () => {
    const name = fc.oneof(hostileString, fc.string({ unit: "grapheme", maxLength: 90 }));
    const city = fc.constantFrom("chicago-il", "", "atlantis-zz", "CHICAGO-IL");
    await fc.assert(
      fc.asyncProperty(
        field("name", name),
        field("homeCity", city),
        fc.boolean(),
        async (n, c, signedIn) => {
          actAs(signedIn ? resident : null);
          await action(changeNameSchema, n, changeName);
          await action(homeCitySchema, c, setHomeCity);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("banUser, only on this test's own users", async () => {
    const id = fc.constantFrom(...targets.map((t) => t.id));
    const userId = fc.oneof(
      id,
      id.map(String),
      id.map((n) => ` ${n} `),
      id.map((n) => `${n}.0`),
    );
    const input = fc.oneof(
      fc.record({ userId, reason: hostileValue }),
      fc.record({ userId, reason: hostileString }, { requiredKeys: ["userId"] }),
    );
    await fc.assert(
      fc.asyncProperty(input, fc.boolean(), async (raw, asAdmin) => {
        // Unbanned again each run, so every accepted input reaches the UPDATE.
        const ids = targets.map((t) => t.id);
        await db.update(users).set({ bannedAt: null }).where(inArray(users.id, ids));
        actAs(asAdmin ? admin : resident);
        await action(banUserSchema, raw, banUser);
      }),
      { numRuns: 50, examples: [[{ userId: targets[0]!.id, reason: "nul\u0000byte" }, true]] },
    );
  });

  it("listUsers with any search parameters", async () => {
    const after = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.string(),
      fc.constantFrom("1e3", "99999999999"),
    );
    const params = fc.record({ q: hostileValue, after }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(params, async (raw) => {
        actAs(admin);
        const parsed = userSearchSchema.safeParse(raw);
        expect(parsed.success).toBe(true); // invalid values are dropped, never an error
        if (parsed.success) expect(Array.isArray((await listUsers(parsed.data)).users)).toBe(true);
      }),
      { numRuns: 50, examples: [[{ q: "nul\u0000byte" }], [{ after: "99999999999" }]] },
    );
  });

  // The cases the properties above found, kept as plain examples.
  it("a ban reason with a NUL character is refused or stored, not a database error", async () => {
    actAs(admin);
    const target = await createTestUser();
    await action(banUserSchema, { userId: target.id, reason: "spam\u0000links" }, banUser);
  });

  it("a user search with a NUL character is not a database error", async () => {
    actAs(admin);
    const parsed = userSearchSchema.parse({ q: "a\u0000b" });
    expect(parsed.q).toBeUndefined(); // dropped, not sent to the database
    expect(Array.isArray((await listUsers(parsed)).users)).toBe(true);
  });

  it("a user search cursor beyond the integer range is not a database error", async () => {
    actAs(admin);
    const parsed = userSearchSchema.parse({ after: "99999999999" });
    expect(parsed.after).toBeUndefined();
    expect(Array.isArray((await listUsers(parsed)).users)).toBe(true);
  });
});
