import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { requireUser } from "@/lib/auth/current-user";
import type { DalResult } from "@/lib/refusals";
import { type FeedPage } from "./feed";
import { feedPage } from "@/lib/dal/news/internal/feed-page";

// My private Atom feed lives at /feeds/<token>/feed.xml: feed readers cannot
// sign in, so the unguessable token (192 random bits) is the permission.
// Resetting it replaces the token and the old URL stops working at once.

const newToken = () => randomBytes(24).toString("base64url");
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

export const privateFeedPath = (token: string) => `/feeds/${token}/feed.xml`;

/** The path of my private feed, made the first time I ask. */
export async function getPrivateFeedPath(): Promise<string> {
  const me = await requireUser("read private feed address");
  const db = await getDb();
  await db
    .update(users)
    .set({ feedToken: newToken() })
    .where(and(eq(users.id, me.id), isNull(users.feedToken)));
  const [row] = await db.select({ token: users.feedToken }).from(users).where(eq(users.id, me.id));
  return privateFeedPath(row!.token!);
}

/** Replaces my feed's token: the old address stops working. Answers the new path. */
export async function resetPrivateFeed(): Promise<DalResult<{ path: string }>> {
  const me = await requireUser("reset private feed");
  const db = await getDb();
  const token = newToken();
  await db.update(users).set({ feedToken: token }).where(eq(users.id, me.id));
  return { ok: true, data: { path: privateFeedPath(token) } };
}

/** The newest page of the feed a token opens, with whose it is; null for an unknown token (or a banned owner). */
export async function readPrivateFeed(
  token: string,
): Promise<{ name: string; page: FeedPage } | null> {
  if (!TOKEN.test(token)) return null;
  const db = await getDb();
  const [owner] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.feedToken, token), isNull(users.deletedAt), isNull(users.bannedAt)));
  if (!owner) return null;
  return { name: owner.name, page: await feedPage(db, owner.id, null) };
}
