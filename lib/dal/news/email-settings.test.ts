import { and, asc, eq } from "drizzle-orm";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/unsubscribe/route";
import { getDb } from "@/db/client";
import { auditLog, notifications, users } from "@/db/schema";
import { unsubscribeToken, userOfUnsubscribeToken } from "@/lib/auth/unsubscribe-token";
import { EMAIL_FREQUENCIES, type EmailFrequency } from "@/lib/enums";
import { createTestCity } from "@/test/edits";
import { HOSTILE, hostileString } from "@/test/hostile";
import { insertUpdates } from "@/test/updates";
import {
  actAs,
  createTestUser,
  expectAuthError,
  refusedCallers,
  unique,
  userRow,
} from "@/test/users";
import { deleteOwnAccount } from "@/lib/dal/people/account";
import { describeUnsubscribe, setEmailFrequency, unsubscribeWithToken } from "./email-settings";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), unstable_cache: (fn: unknown) => fn }));

const ORIGIN = "https://citywatch.test";
const SECRET = `test-secret-${unique()}${unique()}`;
// What the DAL answers for a bad link, and what the route shows for it.
const REFUSED = { ok: false, refusal: { code: "invalid_unsubscribe_link" } };
const INVALID =
  "This unsubscribe link is not valid. Sign in and change your email setting on your account page.";
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const MAX_ID = 2_147_483_647;

let city: { id: number; slug: string };
let updateId: number;
beforeAll(async () => {
  // tokens are signed with the site secret; with DATABASE_URL it must be set
  vi.stubEnv("NEXTAUTH_SECRET", SECRET);
  await getDb();
  city = await createTestCity();
  const author = await createTestUser();
  [updateId] = (await insertUpdates([
    { jurisdictionId: city.id, authorId: author.id, title: `Notified ${unique()}` },
  ])) as [number];
});

/** Gives a person `count` notifications waiting to be emailed (and one already mailed). */
async function giveNotifications(userId: number, count = 2) {
  const db = await getDb();
  const row = { userId, kind: "update_approved" as const, jurisdictionId: city.id, updateId };
  await db
    .insert(notifications)
    .values([
      ...Array.from({ length: count }, () => ({ ...row, emailPending: true })),
      { ...row, emailPending: false, readAt: new Date() },
    ]);
}

/** A person's notifications as the database holds them, oldest first. */
async function notificationsOf(userId: number) {
  const db = await getDb();
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(asc(notifications.id));
}

const pendingOf = async (userId: number) =>
  (await notificationsOf(userId)).map((n) => n.emailPending);

/** Audit rows saying this person was unsubscribed by link. */
async function unsubscribeAudits(userId: number) {
  const db = await getDb();
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetUserId, userId), eq(auditLog.action, "email.unsubscribe")));
}

/** Sets a frequency straight in the database, with an old updatedAt so a write would show. */
async function presetFrequency(userId: number, emailFrequency: EmailFrequency) {
  const db = await getDb();
  await db
    .update(users)
    .set({ emailFrequency, updatedAt: new Date(Date.UTC(2020, 0, 1)) })
    .where(eq(users.id, userId));
}

/** What a person's row, notifications and unsubscribe audit hold: equal snapshots mean nothing was written. */
async function snapshot(userId: number) {
  return {
    user: await userRow(userId),
    notifications: await notificationsOf(userId),
    audit: await unsubscribeAudits(userId),
  };
}

/** A person with pending email, on the daily digest. */
async function subscriber(options: Parameters<typeof createTestUser>[0] = {}) {
  const user = await createTestUser(options);
  await giveNotifications(user.id);
  await presetFrequency(user.id, "daily");
  return user;
}

/** `s` with the character at `i` swapped for another base64url character. */
const changeAt = (s: string, i: number) => {
  const c = s[i]!;
  const other = BASE64URL[(BASE64URL.indexOf(c) + 1) % BASE64URL.length]!;
  return `${s.slice(0, i)}${other === c ? "A" : other}${s.slice(i + 1)}`;
};

describe("setEmailFrequency", () => {
  it("a new account gets the daily digest", async () => {
    const me = await createTestUser();
    expect((await userRow(me.id)).emailFrequency).toBe("daily");
  });

  it("stores each choice in users.email_frequency", async () => {
    const me = await createTestUser();
    actAs(me);
    for (const frequency of ["immediately", "never", "daily", "immediately", "never"] as const) {
      await presetFrequency(me.id, frequency === "daily" ? "never" : "daily");
      expect(await setEmailFrequency({ frequency })).toEqual({ ok: true, data: null });
      const row = await userRow(me.id);
      expect(row.emailFrequency).toBe(frequency);
      expect(row.updatedAt.getTime()).toBeGreaterThan(Date.UTC(2020, 0, 2));
    }
  });

  it('"never" stops everything waiting to be emailed to me, and nobody else\'s', async () => {
    const [me, other] = [await subscriber(), await subscriber()];
    expect(await pendingOf(me.id)).toEqual([true, true, false]);
    const otherBefore = await snapshot(other.id);
    const mineBefore = await notificationsOf(me.id);
    actAs(me);
    expect(await setEmailFrequency({ frequency: "never" })).toEqual({ ok: true, data: null });
    expect((await userRow(me.id)).emailFrequency).toBe("never");
    const mine = await notificationsOf(me.id);
    expect(mine.map((n) => n.emailPending)).toEqual([false, false, false]);
    // only the email flag changes: the notifications stay, read or unread, in the app
    expect(mine.map(({ emailPending, ...n }) => (void emailPending, n))).toEqual(
      mineBefore.map(({ emailPending, ...n }) => (void emailPending, n)),
    );
    expect(await snapshot(other.id)).toEqual(otherBefore);
  });

  it.each(["immediately", "daily"] as const)(
    '"%s" keeps what is waiting to be emailed',
    async (frequency) => {
      const me = await subscriber();
      actAs(me);
      expect(await setEmailFrequency({ frequency })).toEqual({ ok: true, data: null });
      expect((await userRow(me.id)).emailFrequency).toBe(frequency);
      expect(await pendingOf(me.id)).toEqual([true, true, false]);
    },
  );

  it("changing my setting leaves other people's settings alone", async () => {
    const [me, other] = [await createTestUser(), await createTestUser()];
    await presetFrequency(other.id, "immediately");
    actAs(me);
    for (const frequency of EMAIL_FREQUENCIES) await setEmailFrequency({ frequency });
    expect((await userRow(other.id)).emailFrequency).toBe("immediately");
  });

  describe("who may change it", () => {
    // each with email waiting and on the daily digest, so a refused change would show
    const { refusals } = refusedCallers(subscriber);

    it.each(refusals)("%s: refused for every choice and nothing changes", async (_, who, code) => {
      const subject = who();
      const before = subject ? await snapshot(subject.id) : null;
      actAs(subject);
      for (const frequency of EMAIL_FREQUENCIES) {
        await expectAuthError(setEmailFrequency({ frequency }), code);
      }
      if (subject) expect(await snapshot(subject.id)).toEqual(before);
    });
  });
});

describe("unsubscribe tokens", () => {
  it("round-trip: a person's token names that person", async () => {
    const [a, b] = [await createTestUser(), await createTestUser()];
    for (const id of [a.id, b.id, 1, 9, 10, MAX_ID]) {
      const token = unsubscribeToken(id);
      expect(token).toMatch(new RegExp(`^${id}\\.[A-Za-z0-9_-]{43}$`));
      expect(unsubscribeToken(id)).toBe(token);
      expect(userOfUnsubscribeToken(token)).toBe(id);
    }
    expect(unsubscribeToken(a.id)).not.toBe(unsubscribeToken(b.id));
  });

  it("any one character changed in the signature is refused", async () => {
    const me = await createTestUser();
    const token = unsubscribeToken(me.id);
    const dot = token.indexOf(".");
    for (let i = dot + 1; i < token.length; i++) {
      const forged = changeAt(token, i);
      expect(forged).not.toBe(token);
      expect(userOfUnsubscribeToken(forged)).toBeNull();
    }
  });

  it("another person's id with my signature is refused, both ways", async () => {
    const [me, other] = [await createTestUser(), await createTestUser()];
    const mySignature = unsubscribeToken(me.id).split(".")[1]!;
    const otherSignature = unsubscribeToken(other.id).split(".")[1]!;
    expect(userOfUnsubscribeToken(`${other.id}.${mySignature}`)).toBeNull();
    expect(userOfUnsubscribeToken(`${me.id}.${otherSignature}`)).toBeNull();
    // ids next to mine, and the same id written differently
    for (const id of [me.id - 1, me.id + 1, `0${me.id}`, `+${me.id}`, `${me.id}.0`, ` ${me.id}`]) {
      expect(userOfUnsubscribeToken(`${id}.${mySignature}`)).toBeNull();
    }
  });

  it("a token signed with another secret is refused", async () => {
    const me = await createTestUser();
    vi.stubEnv("NEXTAUTH_SECRET", `other-${SECRET}`);
    const elsewhere = unsubscribeToken(me.id);
    vi.stubEnv("NEXTAUTH_SECRET", SECRET);
    expect(elsewhere).not.toBe(unsubscribeToken(me.id));
    expect(userOfUnsubscribeToken(elsewhere)).toBeNull();
  });

  it("empty, garbage and mangled tokens are refused", async () => {
    const me = await createTestUser();
    const token = unsubscribeToken(me.id);
    const signature = token.split(".")[1]!;
    const bad = [
      "",
      ".",
      "garbage",
      `${me.id}`,
      `${me.id}.`,
      `.${signature}`,
      `0.${signature}`,
      `-1.${signature}`,
      `${MAX_ID + 1}.${signature}`,
      `99999999999.${signature}`,
      `${token}=`,
      `${token}\n`,
      ` ${token}`,
      `${token} `,
      token.slice(0, -1),
      `${token}A`,
      token.replace(".", ":"),
      `${token}.${signature}`,
      token.replace(".", "%2E"),
      token.toUpperCase(),
      ...HOSTILE,
    ];
    // (a mangling that happens to leave this token as it was proves nothing)
    for (const t of bad.filter((b) => b !== token)) expect(userOfUnsubscribeToken(t)).toBeNull();
  });

  it("a correctly signed id past the database's integers is refused, not sent to a query", async () => {
    actAs(null);
    for (const id of [MAX_ID + 1, 9_999_999_999]) {
      const token = unsubscribeToken(id);
      expect(userOfUnsubscribeToken(token)).toBeNull();
      // an integer column cannot hold it: reaching Postgres would be an error, not "no such person"
      expect(await unsubscribeWithToken(token)).toEqual(REFUSED);
      expect(await describeUnsubscribe(token)).toBeNull();
    }
  });

  it("random strings and forged well-formed tokens are refused", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileString,
          fc.string(),
          fc.stringMatching(/^[1-9]\d{0,9}\.[A-Za-z0-9_-]{43}$/),
          fc
            .tuple(fc.integer({ min: 1, max: MAX_ID }), fc.integer({ min: 1, max: MAX_ID }))
            .filter(([a, b]) => a !== b)
            .map(([a, b]) => `${a}.${unsubscribeToken(b).split(".")[1]}`),
        ),
        (token) => {
          expect(userOfUnsubscribeToken(token)).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it("round-trips every id a user may have", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_ID }), (id) => {
        expect(userOfUnsubscribeToken(unsubscribeToken(id))).toBe(id);
      }),
      { numRuns: 200 },
    );
  });
});

describe("unsubscribeWithToken", () => {
  it("with no session, stops the token's person's email and records it", async () => {
    const [me, other] = [await subscriber(), await subscriber()];
    const otherBefore = await snapshot(other.id);
    actAs(null);
    expect(await unsubscribeWithToken(unsubscribeToken(me.id))).toEqual({ ok: true, data: null });
    const row = await userRow(me.id);
    expect(row.emailFrequency).toBe("never");
    expect(row.updatedAt.getTime()).toBeGreaterThan(Date.UTC(2020, 0, 2));
    expect(await pendingOf(me.id)).toEqual([false, false, false]);
    const audit = await unsubscribeAudits(me.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: me.id,
      action: "email.unsubscribe",
      targetUserId: me.id,
    });
    expect(Date.now() - audit[0]!.createdAt.getTime()).toBeLessThan(10 * 60_000);
    expect(await snapshot(other.id)).toEqual(otherBefore);
  });

  it("the token decides whose email stops, not who is signed in", async () => {
    const [owner, signedIn] = [await subscriber(), await subscriber()];
    const signedInBefore = await snapshot(signedIn.id);
    actAs(signedIn);
    expect(await unsubscribeWithToken(unsubscribeToken(owner.id))).toEqual({
      ok: true,
      data: null,
    });
    expect((await userRow(owner.id)).emailFrequency).toBe("never");
    expect(await snapshot(signedIn.id)).toEqual(signedInBefore);
  });

  it("a banned person can still stop their email", async () => {
    const banned = await subscriber({ banned: true });
    actAs(null);
    expect(await unsubscribeWithToken(unsubscribeToken(banned.id))).toEqual({
      ok: true,
      data: null,
    });
    expect((await userRow(banned.id)).emailFrequency).toBe("never");
    expect(await pendingOf(banned.id)).toEqual([false, false, false]);
  });

  it("using the link twice is fine and stays unsubscribed", async () => {
    const me = await subscriber();
    actAs(null);
    const token = unsubscribeToken(me.id);
    expect(await unsubscribeWithToken(token)).toEqual({ ok: true, data: null });
    expect(await unsubscribeWithToken(token)).toEqual({ ok: true, data: null });
    expect((await userRow(me.id)).emailFrequency).toBe("never");
  });

  it("a bad token answers a message and changes nothing", async () => {
    const me = await subscriber();
    const token = unsubscribeToken(me.id);
    const before = await snapshot(me.id);
    actAs(null);
    const forged = [
      "",
      "garbage",
      changeAt(token, token.length - 1),
      changeAt(token, token.indexOf(".") + 1),
      `${me.id}.${unsubscribeToken(me.id + 1).split(".")[1]}`,
      ...HOSTILE,
    ];
    for (const t of forged) {
      expect(await unsubscribeWithToken(t)).toEqual(REFUSED);
    }
    expect(await snapshot(me.id)).toEqual(before);
  });

  it("a correctly signed token of nobody answers a message", async () => {
    actAs(null);
    expect(await unsubscribeWithToken(unsubscribeToken(MAX_ID))).toEqual(REFUSED);
  });

  it("a deleted account's link answers a message and writes nothing", async () => {
    const me = await subscriber();
    actAs(me);
    expect(await deleteOwnAccount({ password: me.password, confirm: "delete my account" })).toEqual(
      { ok: true, data: null },
    );
    const before = await snapshot(me.id);
    actAs(null);
    expect(await unsubscribeWithToken(unsubscribeToken(me.id))).toEqual(REFUSED);
    expect(await snapshot(me.id)).toEqual(before);
  });
});

describe("describeUnsubscribe", () => {
  it("shows the first letter and the domain of the address, and changes nothing", async () => {
    const me = await subscriber();
    expect(me.email).toMatch(/^user-[0-9a-f]{12}@example\.test$/);
    const before = await snapshot(me.id);
    actAs(null);
    expect(await describeUnsubscribe(unsubscribeToken(me.id))).toEqual({
      email: "u•••@example.test",
    });
    // opening the page (a link scanner, a preview) must not unsubscribe
    expect(await snapshot(me.id)).toEqual(before);
  });

  it("masks another address the same way, hiding the rest of the local part", async () => {
    const tag = unique();
    const me = await createTestUser({ email: `zed.${tag}@mail.example.org` });
    const described = await describeUnsubscribe(unsubscribeToken(me.id));
    expect(described).toEqual({ email: "z•••@mail.example.org" });
    expect(described!.email).not.toContain(tag);
  });

  it("answers null for a bad token, nobody, or a deleted account", async () => {
    const me = await createTestUser();
    const token = unsubscribeToken(me.id);
    for (const t of ["", "garbage", changeAt(token, token.length - 1), unsubscribeToken(MAX_ID)]) {
      expect(await describeUnsubscribe(t)).toBeNull();
    }
    actAs(me);
    await deleteOwnAccount({ password: me.password, confirm: "delete my account" });
    expect((await userRow(me.id)).email).toBeNull();
    expect(await describeUnsubscribe(token)).toBeNull();
  });
});

describe("POST /api/unsubscribe", () => {
  /** Posts as a mail client does for RFC 8058 one-click unsubscribe: no cookies, a form body. */
  function post(token: string | null) {
    actAs(null);
    const query = token === null ? "" : `?${new URLSearchParams({ token }).toString()}`;
    return POST(
      new NextRequest(`${ORIGIN}/api/unsubscribe${query}`, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
  }

  it("a good token: 200 {unsubscribed:true}, and the person's email stops", async () => {
    const me = await subscriber();
    const response = await post(unsubscribeToken(me.id));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ unsubscribed: true });
    expect((await userRow(me.id)).emailFrequency).toBe("never");
    expect(await pendingOf(me.id)).toEqual([false, false, false]);
    expect(await unsubscribeAudits(me.id)).toHaveLength(1);
  });

  it.each([
    ["missing", () => null],
    ["empty", () => ""],
    ["garbage", () => "garbage"],
    ["forged", (id: number) => changeAt(unsubscribeToken(id), unsubscribeToken(id).length - 1)],
    ["padded past 200 characters", (id: number) => `${unsubscribeToken(id)}${"A".repeat(300)}`],
    ["10 KB", () => "x".repeat(10_000)],
  ])("a %s token: 400 with a message, and nothing changes", async (_, make) => {
    const me = await subscriber();
    const before = await snapshot(me.id);
    const response = await post(make(me.id));
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: INVALID });
    expect(await snapshot(me.id)).toEqual(before);
  });

  it("arbitrary tokens never throw and never unsubscribe anyone", async () => {
    const watched = [await subscriber(), await subscriber(), await subscriber()];
    const ids = watched.map((w) => w.id);
    const before = await Promise.all(ids.map(snapshot));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileString,
          fc.string({ maxLength: 300 }),
          fc.stringMatching(/^[1-9]\d{0,9}\.[A-Za-z0-9_-]{43}$/),
          // well-formed tokens naming the watched people, with forged signatures
          fc
            .tuple(fc.constantFrom(...ids), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/))
            .map(([id, sig]) => `${id}.${sig}`),
          // a watched person's id under someone else's signature
          fc
            .tuple(fc.constantFrom(...ids), fc.integer({ min: 1, max: MAX_ID }))
            .filter(([id, other]) => id !== other)
            .map(([id, other]) => `${id}.${unsubscribeToken(other).split(".")[1]}`),
        ),
        async (token) => {
          const response = await post(token);
          expect(response.status).toBe(400);
          expect(await response.json()).toEqual({ error: INVALID });
        },
      ),
      { numRuns: 120 },
    );
    expect(await Promise.all(ids.map(snapshot))).toEqual(before);
  });
});
