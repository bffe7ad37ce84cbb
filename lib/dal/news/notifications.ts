import "server-only";
import { and, count, eq, isNull, lt, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notifications, policyUpdates } from "@/db/schema";
import { getCurrentUser, requireUser } from "@/lib/auth/current-user";
import type { NotificationItem } from "@/lib/notification-text";
import type { DalResult } from "@/lib/refusals";
import type { MarkAllInput, NotificationRef } from "@/lib/validation/notifications";
import { notificationItems, visible } from "@/lib/dal/news/internal/notification-rows";

const PAGE = 20;

/** My notifications, newest first, 20 a page; `before` is the id the previous page stopped at. */
export async function listMyNotifications(
  before?: number,
): Promise<{ items: NotificationItem[]; next: number | null }> {
  const me = await requireUser("read notifications");
  const db = await getDb();
  const rows = await notificationItems(
    db,
    and(eq(notifications.userId, me.id), before ? lt(notifications.id, before) : undefined),
    PAGE + 1,
  );
  const items = rows.slice(0, PAGE);
  return { items, next: rows.length > PAGE ? items.at(-1)!.id : null };
}

/** The header shows "99+" beyond this, so counting stops here: the cost stays flat. */
export const UNREAD_CAP = 100;

/** How many of my notifications I have not read, up to UNREAD_CAP (0 when signed out). */
export async function countMyUnread(): Promise<number> {
  const me = await getCurrentUser();
  if (!me) return 0;
  const db = await getDb();
  const unread = db
    .select({ id: notifications.id })
    .from(notifications)
    .leftJoin(policyUpdates, eq(policyUpdates.id, notifications.updateId))
    .where(and(eq(notifications.userId, me.id), isNull(notifications.readAt), visible))
    .limit(UNREAD_CAP)
    .as("unread");
  const [row] = await db.select({ n: count() }).from(unread);
  return row?.n ?? 0;
}

/** Marks one of my notifications as read; answers my new unread count. */
export async function markNotificationRead(
  ref: NotificationRef,
): Promise<DalResult<{ unread: number }>> {
  const me = await requireUser("mark notification read");
  const db = await getDb();
  const changed = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.id, ref.id),
        eq(notifications.userId, me.id),
        isNull(notifications.readAt),
      ),
    )
    .returning({ id: notifications.id });
  if (changed.length === 0) {
    const [row] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.id, ref.id), eq(notifications.userId, me.id)));
    if (!row) return { ok: false, refusal: { code: "no_such_notification" } };
  }
  return { ok: true, data: { unread: await countMyUnread() } };
}

/**
 * Marks my notifications up to `upTo` (the newest one I was shown) as read:
 * one that arrived since I loaded the page stays unread.
 */
export async function markAllNotificationsRead(
  input: MarkAllInput,
): Promise<DalResult<{ unread: number }>> {
  const me = await requireUser("mark all notifications read");
  const db = await getDb();
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, me.id),
        isNull(notifications.readAt),
        lte(notifications.id, input.upTo),
      ),
    );
  return { ok: true, data: { unread: await countMyUnread() } };
}
