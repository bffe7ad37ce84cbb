import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { requireUser } from "@/lib/auth/current-user";
import { describeDevice, networkOf } from "@/lib/auth/device";
import { SESSION_MAX_AGE } from "@/lib/auth/session-settings";
import type { DalResult } from "@/lib/refusals";
import type { EndSessionInput } from "@/lib/validation/sessions";

/** A session unused this long is over, as its cookie is. */
const IDLE_MS = SESSION_MAX_AGE * 1000;

export type SessionDevice = { userAgent: string; ip: string | null };

/**
 * Opens a session for a person who has just proved who they are (sign-in
 * calls this and nothing else does): its id goes into the cookie.
 */
export async function openSession(
  user: { id: number; sessionVersion: number },
  device: SessionDevice,
): Promise<string> {
  const db = await getDb();
  const id = randomBytes(16).toString("base64url");
  await db.insert(sessions).values({
    id,
    userId: user.id,
    sessionVersion: user.sessionVersion,
    userAgent: device.userAgent.slice(0, 512),
    network: networkOf(device.ip),
  });
  if (Math.random() < 0.01) {
    // Ended and long-idle sessions are never read again; sweep them now and then.
    await db
      .delete(sessions)
      .where(
        or(
          lt(sessions.endedAt, new Date(Date.now() - IDLE_MS)),
          lt(sessions.lastSeenAt, new Date(Date.now() - IDLE_MS)),
        ),
      );
  }
  return id;
}

/**
 * Ends the session a cookie names (signing out). Holding the cookie is the
 * permission: it is the session being ended.
 */
export async function closeSession(claims: { userId: number; sessionId: string }): Promise<void> {
  const db = await getDb();
  await db
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(
      and(
        eq(sessions.id, claims.sessionId),
        eq(sessions.userId, claims.userId),
        isNull(sessions.endedAt),
      ),
    );
}

export type MySession = {
  id: string;
  device: string;
  network: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
};

/** The signed-in person's open sessions, this browser's first, then the most recently used. */
export async function listMySessions(): Promise<MySession[]> {
  const me = await requireUser("read sessions");
  const db = await getDb();
  const rows = await db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      network: sessions.network,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.userId, me.id),
        isNull(sessions.endedAt),
        eq(sessions.sessionVersion, users.sessionVersion),
        gt(sessions.lastSeenAt, new Date(Date.now() - IDLE_MS)),
      ),
    )
    .orderBy(desc(sql`${sessions.id} = ${me.sessionId}`), desc(sessions.lastSeenAt))
    .limit(100);
  return rows.map((r) => ({
    id: r.id,
    device: describeDevice(r.userAgent),
    network: r.network,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    current: r.id === me.sessionId,
  }));
}

/**
 * Ends one of the signed-in person's sessions (another browser, or this one).
 * Someone else's session id ends nothing and answers the same as an unknown one.
 */
export async function endMySession(
  input: EndSessionInput,
): Promise<DalResult<{ current: boolean }>> {
  const me = await requireUser("end a session");
  const db = await getDb();
  const ended = await db
    .update(sessions)
    .set({ endedAt: new Date() })
    .where(
      and(eq(sessions.id, input.sessionId), eq(sessions.userId, me.id), isNull(sessions.endedAt)),
    )
    .returning({ id: sessions.id });
  if (ended.length === 0) return { ok: false, refusal: { code: "no_such_session" } };
  return { ok: true, data: { current: input.sessionId === me.sessionId } };
}
