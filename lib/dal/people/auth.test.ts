import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { jurisdictions, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { signInSchema, signUpSchema } from "@/lib/validation/auth";
import { claimsOf, createTestUser, unique, uniqueIp, userRow } from "@/test/users";
import { createAccount, getAuthState, verifyCredentials } from "./auth";

// Opening (migrating, seeding) the database is slow when files run in parallel:
// do it under the hook timeout rather than inside the first test.
beforeAll(async () => {
  await getDb();
});

async function rowsWithEmail(email: string) {
  const db = await getDb();
  return db.select().from(users).where(eq(users.email, email));
}

describe("verifyCredentials", () => {
  it("answers the same for an unknown email and for a wrong password", async () => {
    const user = await createTestUser();
    const ip = uniqueIp();
    const unknown = await verifyCredentials(
      { email: `nobody-${unique()}@example.test`, password: user.password },
      ip,
    );
    const wrong = await verifyCredentials({ email: user.email, password: "not the password" }, ip);
    expect(unknown).toStrictEqual({ ok: false, reason: "invalid" });
    expect(wrong).toStrictEqual(unknown);
  });

  it("signs in with the right password and returns the session facts", async () => {
    const user = await createTestUser({ role: "moderator" });
    const result = await verifyCredentials(
      { email: user.email, password: user.password },
      uniqueIp(),
    );
    expect(result).toEqual({
      ok: true,
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        role: "moderator",
        sessionVersion: user.sessionVersion,
      },
    });
  });

  it("tells a banned user with the right password that they are banned, and only then", async () => {
    const user = await createTestUser({ banned: true });
    const ip = uniqueIp();
    expect(await verifyCredentials({ email: user.email, password: user.password }, ip)).toEqual({
      ok: false,
      reason: "banned",
    });
    expect(await verifyCredentials({ email: user.email, password: "a wrong guess" }, ip)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("refuses a deleted account even if its email and hash were still there", async () => {
    const user = await createTestUser({ deleted: true });
    expect(
      await verifyCredentials({ email: user.email, password: user.password }, uniqueIp()),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(await getAuthState(claimsOf(user))).toMatchObject({ id: user.id, deleted: true });
  });
});

describe("createAccount", () => {
  it("creates a resident for a new email, with an argon2id hash and the home city", async () => {
    const email = `new-${unique()}@example.test`;
    const input = await signUpSchema.parseAsync({
      name: "New Person",
      email,
      password: "my new passphrase",
      homeCity: "boston-ma",
    });
    expect(await createAccount(input, uniqueIp())).toEqual({ ok: true, data: null });
    const [row] = await rowsWithEmail(email);
    const db = await getDb();
    const [boston] = await db
      .select({ id: jurisdictions.id })
      .from(jurisdictions)
      .where(eq(jurisdictions.slug, "boston-ma"));
    expect(row).toMatchObject({
      name: "New Person",
      role: "resident",
      homeJurisdictionId: boston!.id,
    });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row!.passwordHash, "my new passphrase")).toBe(true);
  });

  it("answers the same for an existing email and changes nothing about that account", async () => {
    const user = await createTestUser();
    const before = await userRow(user.id);
    const result = await createAccount(
      { name: "Impostor", email: user.email, password: "an impostor's password" },
      uniqueIp(),
    );
    expect(result).toEqual({ ok: true, data: null });
    expect(await rowsWithEmail(user.email)).toEqual([before]);
    expect(
      await verifyCredentials(
        { email: user.email, password: "an impostor's password" },
        uniqueIp(),
      ),
    ).toEqual({ ok: false, reason: "invalid" });
  });

  it("stores emails lower-cased: sign up in upper case, sign in in lower case", async () => {
    const local = `Mixed.Case-${unique()}`;
    const input = await signUpSchema.parseAsync({
      name: "Case Person",
      email: `  ${local.toUpperCase()}@Example.TEST `,
      password: "case sensitive passphrase",
    });
    expect(await createAccount(input, uniqueIp())).toEqual({ ok: true, data: null });
    const lower = `${local.toLowerCase()}@example.test`;
    expect(await rowsWithEmail(lower)).toHaveLength(1);
    const signIn = signInSchema.parse({ email: lower, password: "case sensitive passphrase" });
    expect(await verifyCredentials(signIn, uniqueIp())).toMatchObject({ ok: true });
    const upper = signInSchema.parse({
      email: lower.toUpperCase(),
      password: "case sensitive passphrase",
    });
    expect(await verifyCredentials(upper, uniqueIp())).toMatchObject({ ok: true });
  });

  it("takes Alice@Example.org, ' alice@example.org ' and a full-width spelling for one account", async () => {
    const tag = unique();
    const input = (email: string, name: string) =>
      signUpSchema.parseAsync({ name, email, password: "one account, many spellings" });
    const spellings = [
      `Alice-${tag}@Example.org`,
      `alice-${tag}@example.org `,
      `  ＡＬＩＣＥ-${tag}@ｅｘａｍｐｌｅ.ｏｒｇ`,
    ];
    for (const [i, email] of spellings.entries()) {
      expect(await createAccount(await input(email, `Alice ${i}`), uniqueIp())).toEqual({
        ok: true,
        data: null,
      });
    }
    const rows = await rowsWithEmail(`alice-${tag}@example.org`);
    expect(rows.map((r) => r.name)).toEqual(["Alice 0"]);
    for (const email of spellings) {
      const signIn = signInSchema.parse({ email, password: "one account, many spellings" });
      expect(await verifyCredentials(signIn, uniqueIp())).toMatchObject({
        ok: true,
        user: { id: rows[0]!.id },
      });
    }
  });

  it("refuses, in the database itself, a second row whose address normalises alike", async () => {
    const user = await createTestUser({ email: `bob-${unique()}@example.org` });
    const db = await getDb();
    const variant = `  ${user.email.toUpperCase().replace("B", "Ｂ")} `;
    await expect(
      db.insert(users).values({ email: variant, name: "Raw insert", passwordHash: null }),
    ).rejects.toThrow();
    expect(await rowsWithEmail(variant)).toEqual([]);
  });

  it("keeps a long Unicode passphrase whole: no truncation", async () => {
    const passphrase =
      "我的城市🏙️很安全，因为我们守护彼此🤝 — la ciudad es de todos 🌎 Ελλάδα مدينة 市民👩‍👩‍👧‍👦 end!";
    expect([...passphrase].length).toBeGreaterThanOrEqual(64);
    expect(Buffer.byteLength(passphrase)).toBeGreaterThan(128);
    const email = `unicode-${unique()}@example.test`;
    const input = await signUpSchema.parseAsync({ name: "Unicode", email, password: passphrase });
    expect(input.password).toBe(passphrase);
    expect(await createAccount(input, uniqueIp())).toEqual({ ok: true, data: null });
    expect(await verifyCredentials({ email, password: passphrase }, uniqueIp())).toMatchObject({
      ok: true,
    });
    const chars = [...passphrase];
    const lastChanged = [...chars.slice(0, -1), "?"].join("");
    const middleChanged = [...chars.slice(0, 40), "x", ...chars.slice(41)].join("");
    for (const variant of [lastChanged, middleChanged, passphrase.slice(0, 72)]) {
      expect(variant).not.toBe(passphrase);
      expect(await verifyCredentials({ email, password: variant }, uniqueIp())).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
  });
});
