import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { sessions } from "@/db/schema";
import { requireUser } from "@/lib/auth/current-user";
import { actAs, createTestUser, expectAuthError, newSession } from "@/test/users";
import { signOutEverywhere } from "./account";
import { closeSession, endMySession, listMySessions, openSession } from "./sessions";

vi.mock("@/lib/auth/claims", () => ({ getSessionClaims: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: vi.fn(async () => new Headers({ "x-forwarded-for": "203.0.113.50" })),
}));

beforeAll(async () => {
  await getDb();
});

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

async function signedIn(
  user: { id: number; sessionVersion: number },
  userAgent: string,
  ip: string,
) {
  const sessionId = await openSession(user, { userAgent, ip });
  return { id: user.id, sessionVersion: user.sessionVersion, sessionId };
}

async function sessionRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

describe("sessions", () => {
  it("a signed-out session is refused on its next request, whoever holds its cookie", async () => {
    const user = await createTestUser();
    const laptop = await signedIn(user, FIREFOX, "198.51.100.7");
    actAs(laptop);
    expect((await requireUser("post")).id).toBe(user.id);
    await closeSession({ userId: user.id, sessionId: laptop.sessionId });
    // The same cookie (copied before sign-out) no longer works.
    actAs(laptop);
    await expectAuthError(requireUser("post"), "session_expired");
    expect((await sessionRow(laptop.sessionId))?.endedAt).toBeInstanceOf(Date);
  });

  it("lists two browsers, this one first; ending the other signs out only that one", async () => {
    const user = await createTestUser();
    const laptop = await signedIn(user, FIREFOX, "198.51.100.7");
    const phone = await signedIn(user, IPHONE, "2001:db8:5:6::1");
    actAs(laptop);
    const list = await listMySessions();
    const mine = list.filter((s) => [laptop.sessionId, phone.sessionId].includes(s.id));
    expect(list[0]).toMatchObject({ id: laptop.sessionId, current: true });
    expect(mine).toEqual([
      expect.objectContaining({
        id: laptop.sessionId,
        device: "Firefox on Windows",
        network: "198.51.100.x",
        current: true,
      }),
      expect.objectContaining({
        id: phone.sessionId,
        device: "Safari on iPhone",
        network: "2001:db8:5::/48",
        current: false,
      }),
    ]);

    expect(await endMySession({ sessionId: phone.sessionId })).toEqual({
      ok: true,
      data: { current: false },
    });
    actAs(phone);
    await expectAuthError(requireUser("post"), "session_expired");
    actAs(laptop);
    expect((await requireUser("post")).id).toBe(user.id);
    expect((await listMySessions()).map((s) => s.id)).not.toContain(phone.sessionId);
    // Twice: already ended.
    expect(await endMySession({ sessionId: phone.sessionId })).toEqual({
      ok: false,
      refusal: { code: "no_such_session" },
    });
  });

  it("cannot end, or list, someone else's session", async () => {
    const me = await createTestUser();
    const other = await createTestUser();
    actAs(me);
    expect(await endMySession({ sessionId: other.sessionId })).toEqual({
      ok: false,
      refusal: { code: "no_such_session" },
    });
    expect((await listMySessions()).map((s) => s.id)).toEqual([me.sessionId]);
    actAs(other);
    expect((await requireUser("post")).id).toBe(other.id);
  });

  it("ending this browser's own session says so", async () => {
    const me = await createTestUser();
    actAs(me);
    expect(await endMySession({ sessionId: me.sessionId })).toEqual({
      ok: true,
      data: { current: true },
    });
    await expectAuthError(requireUser("post"), "session_expired");
  });

  it("sign out everywhere ends every listed session; a new sign-in is listed alone", async () => {
    const user = await createTestUser();
    await signedIn(user, IPHONE, "198.51.100.8");
    actAs(user);
    expect(await signOutEverywhere()).toEqual({ ok: true, data: null });
    const again = await newSession(user);
    actAs(again);
    expect((await listMySessions()).map((s) => s.id)).toEqual([again.sessionId]);
  });

  it("notes when a session was last used, and from which network, at most every few minutes", async () => {
    const user = await createTestUser();
    const laptop = await signedIn(user, FIREFOX, "198.51.100.7");
    const db = await getDb();
    const before = (await sessionRow(laptop.sessionId))!.lastSeenAt;
    actAs(laptop);
    await requireUser("post");
    // Just used: not written again.
    expect((await sessionRow(laptop.sessionId))!.lastSeenAt).toEqual(before);
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`${sessions.lastSeenAt} - interval '10 minutes'` })
      .where(eq(sessions.id, laptop.sessionId));
    await requireUser("post");
    const after = (await sessionRow(laptop.sessionId))!;
    expect(after.lastSeenAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    // The request came from 203.0.113.50 (the mocked headers).
    expect(after.network).toBe("203.0.113.x");
  });

  it("a session unused for longer than the cookie lasts is over", async () => {
    const user = await createTestUser();
    const db = await getDb();
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '31 days'` })
      .where(eq(sessions.id, user.sessionId));
    actAs(user);
    await expectAuthError(requireUser("post"), "session_expired");
  });
});
