import { eq, like, sql } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { rateLimits, users } from "@/db/schema";
import { createTestUser, unique, uniqueIp } from "@/test/users";
import { createAccount, verifyCredentials } from "@/lib/dal/people/auth";
import { hitRateLimit, RATE_LIMITS, type RateLimitRule } from "./rate-limit";

// Opening (migrating, seeding) the database is slow when files run in parallel:
// do it under the hook timeout rather than inside the first test.
beforeAll(async () => {
  await getDb();
});

const rule = (): RateLimitRule => ({ name: `test-${unique()}`, limit: 3, windowSeconds: 60 });

// Tests pass `now` near real time: a `now` far in the future would let the
// occasional sweep of old windows delete other tests' rows on a shared database.
const windowStartNow = () => Math.floor(Date.now() / 60_000) * 60_000;

async function countOf(key: string): Promise<number[]> {
  const db = await getDb();
  const rows = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(eq(rateLimits.key, key));
  return rows.map((r) => r.count);
}

describe("hitRateLimit", () => {
  it("allows up to the limit, refuses over it, with a retry time inside the window", async () => {
    const r = rule();
    const now = new Date(windowStartNow() + 15_000);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await hitRateLimit(r, "alice", now));
    expect(results).toEqual([
      { ok: true },
      { ok: true }, // just under
      { ok: true }, // at the limit
      { ok: false, retryAfterSeconds: 45 }, // over
      { ok: false, retryAfterSeconds: 45 },
    ]);
    expect(await countOf(`${r.name}:alice`)).toEqual([5]);
    // Another subject under the same rule has its own counter.
    expect(await hitRateLimit(r, "bob", now)).toEqual({ ok: true });
  });

  it("gives a retry time of at least 1 s and at most one window", async () => {
    const r = rule();
    for (const offset of [0, 1, 30_000, 59_001, 59_999]) {
      const now = new Date(windowStartNow() + offset);
      const subject = `s${offset}`;
      for (let i = 0; i < r.limit; i++) await hitRateLimit(r, subject, now);
      const over = await hitRateLimit(r, subject, now);
      expect(over.ok).toBe(false);
      const retry = over.ok ? -1 : over.retryAfterSeconds;
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(r.windowSeconds);
      expect(retry).toBe(Math.max(1, Math.ceil((60_000 - offset) / 1000)));
    }
  });

  it("a new window allows again, so a victim is not locked out for good", async () => {
    const r = rule();
    const now = new Date(windowStartNow() + 15_000);
    for (let i = 0; i <= r.limit; i++) await hitRateLimit(r, "victim", now);
    expect((await hitRateLimit(r, "victim", now)).ok).toBe(false);
    const later = new Date(now.getTime() + r.windowSeconds * 1000);
    expect(await hitRateLimit(r, "victim", later)).toEqual({ ok: true });
  });

  it("counts concurrent hits exactly", async () => {
    const r = { ...rule(), limit: 5 };
    const now = new Date(windowStartNow() + 15_000);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => hitRateLimit(r, "burst", now)),
    );
    expect(await countOf(`${r.name}:burst`)).toEqual([20]);
    expect(results.filter((x) => x.ok)).toHaveLength(5);
  });
});

describe("sign-in and sign-up limits", () => {
  // Freeze the clock just after an hour boundary (every window divides an hour),
  // so no test can straddle two windows and see its count restart.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 1_000));
  });
  afterEach(() => vi.useRealTimers());

  it("eleven failed sign-ins lock the account, even for the right password, until the window ends", async () => {
    const user = await createTestUser();
    const ip = uniqueIp();
    const { limit } = RATE_LIMITS.signInPerAccount;
    for (let i = 0; i < limit; i++) {
      const wrong = await verifyCredentials({ email: user.email, password: `guess ${i}` }, ip);
      expect(wrong).toEqual({ ok: false, reason: "invalid" });
    }
    // The eleventh failure: the wrong password's answer, and when to try again.
    const eleventh = await verifyCredentials({ email: user.email, password: "guess 10" }, ip);
    expect(eleventh).toEqual({
      ok: false,
      reason: "invalid",
      retryAfterSeconds: RATE_LIMITS.signInPerAccount.windowSeconds - 1,
    });
    // From another IP, with the right password: still the same answer.
    const right = await verifyCredentials(
      { email: user.email, password: user.password },
      uniqueIp(),
    );
    expect(right).toEqual(eleventh);

    // The window passes (moved back in the database): the owner can sign in again.
    const db = await getDb();
    const window = `${RATE_LIMITS.signInPerAccount.windowSeconds} seconds`;
    await db
      .update(rateLimits)
      .set({ windowStart: sql`${rateLimits.windowStart} - ${window}::interval` })
      .where(eq(rateLimits.key, `${RATE_LIMITS.signInPerAccount.name}:${user.email}`));
    const later = await verifyCredentials({ email: user.email, password: user.password }, ip);
    expect(later).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("locks an unknown address the same way, so the lock tells nobody an account exists", async () => {
    const email = `nobody-${unique()}@example.test`;
    const answers = [];
    for (let i = 0; i <= RATE_LIMITS.signInPerAccount.limit; i++) {
      answers.push(await verifyCredentials({ email, password: `guess ${i}` }, uniqueIp()));
    }
    expect(answers.at(-2)).toEqual({ ok: false, reason: "invalid" });
    expect(answers.at(-1)).toEqual({
      ok: false,
      reason: "invalid",
      retryAfterSeconds: RATE_LIMITS.signInPerAccount.windowSeconds - 1,
    });
  });

  it("counts failures only: thirty successful sign-ins in a row are all accepted", async () => {
    const user = await createTestUser();
    const ip = uniqueIp();
    const rounds = RATE_LIMITS.signInPerAccount.limit * 3;
    for (let i = 0; i < rounds; i++) {
      const result = await verifyCredentials({ email: user.email, password: user.password }, ip);
      expect(result, `sign-in ${i + 1}`).toMatchObject({ ok: true, user: { id: user.id } });
    }
    // Nine failures after them still leave the account open.
    for (let i = 0; i < RATE_LIMITS.signInPerAccount.limit - 1; i++) {
      await verifyCredentials({ email: user.email, password: `guess ${i}` }, ip);
    }
    expect(
      await verifyCredentials({ email: user.email, password: user.password }, ip),
    ).toMatchObject({ ok: true });
    expect(await countOf(`${RATE_LIMITS.signInPerAccount.name}:${user.email}`)).toEqual([
      RATE_LIMITS.signInPerAccount.limit - 1,
    ]);
  });

  it("concurrent successful sign-ins to one account are all accepted", async () => {
    const user = await createTestUser();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        verifyCredentials({ email: user.email, password: user.password }, uniqueIp()),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
  });

  it("after the per-IP limit, sign-in from that IP is refused for any account", async () => {
    const user = await createTestUser();
    const ip = uniqueIp();
    const { limit } = RATE_LIMITS.signInPerIp;
    for (let i = 0; i < limit; i++) {
      const email = `nobody-${i}-${unique()}@example.test`;
      expect(await verifyCredentials({ email, password: "whatever it is" }, ip)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const right = await verifyCredentials({ email: user.email, password: user.password }, ip);
    expect(right).toMatchObject({ ok: false, reason: "rate_limited" });
    // The same account from another IP is fine: only that IP is limited.
    const elsewhere = await verifyCredentials(
      { email: user.email, password: user.password },
      uniqueIp(),
    );
    expect(elsewhere).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("after the per-IP sign-up limit, no account is created", async () => {
    const ip = uniqueIp();
    const tag = unique();
    const email = (i: number) => `signup-${i}-${tag}@example.test`;
    const { limit } = RATE_LIMITS.signUpPerIp;
    for (let i = 0; i < limit; i++) {
      const result = await createAccount(
        { name: `S ${i}`, email: email(i), password: "long enough pass" },
        ip,
      );
      expect(result).toEqual({ ok: true, data: null });
    }
    const over = await createAccount(
      { name: "Over", email: email(limit), password: "long enough pass" },
      ip,
    );
    expect(over).toMatchObject({
      ok: false,
      refusal: { code: "rate_limited", limit: "sign_ups", retryAfterSeconds: expect.any(Number) },
    });
    const db = await getDb();
    const created = await db
      .select({ email: users.email })
      .from(users)
      .where(like(users.email, `signup-%-${tag}@example.test`));
    expect(created.map((u) => u.email).sort()).toEqual(
      Array.from({ length: limit }, (_, i) => email(i)).sort(),
    );
    expect(
      await createAccount(
        { name: "Other", email: email(99), password: "long enough pass" },
        uniqueIp(),
      ),
    ).toEqual({ ok: true, data: null });
  });
});
